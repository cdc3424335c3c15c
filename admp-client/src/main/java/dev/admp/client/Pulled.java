package dev.admp.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Optional;

/**
 * A message leased from the agent's inbox. ACK or NACK it before {@code leaseUntil}, or it becomes
 * visible again.
 *
 * @param messageId the message id
 * @param envelope the envelope as the sender wrote it (with its signature)
 * @param leaseUntil when the lease ends
 * @param attempts how many times the message has been leased, this time included
 * @param leaseId the lease's id, to make ACK and NACK conditional on still holding it
 */
public record Pulled(String messageId, ObjectNode envelope, Instant leaseUntil, int attempts, Optional<String> leaseId) {
  /** The sender, exactly as the envelope names it. */
  public String from() {
    return envelope.path("from").asText();
  }

  /** The envelope's subject. */
  public String subject() {
    return envelope.path("subject").asText();
  }

  /** The envelope's body; a missing node when it has none. */
  public JsonNode body() {
    return envelope.path("body");
  }

  static Pulled from(JsonNode json) {
    return new Pulled(Fields.text(json, "message_id"), Fields.object(json, "envelope"),
        Fields.instant(json, "lease_until"), (int) Fields.number(json, "attempts"), Fields.optionalText(json, "lease_id"));
  }
}
