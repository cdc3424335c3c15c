package dev.admp.client;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Duration;
import java.util.Optional;

/**
 * A message to send or reply with; the client turns it into a signed envelope from its agent.
 * Start with {@link #to(String, String)} (SEND) or {@link #reply(String)} (REPLY) and add what
 * you need:
 * <pre>{@code
 * Outgoing.to("agent://bob", "run_tests").withType("task.request").withBody(Map.of("suite", "unit"))
 * }</pre>
 *
 * @param recipient the recipient as it should appear in {@code to}; for a reply, empty lets the
 *     hub fill in the original sender
 * @param subject the subject
 * @param type the envelope type, e.g. {@code task.request}; omitted when empty
 * @param body the body: a Jackson {@code JsonNode} or any value Jackson can convert; {@code {}} by default
 * @param correlationId the correlation id; for a reply, empty lets the hub use the original message id
 * @param ttl how long the message may wait in the inbox, sent as whole seconds; the hub's default when empty
 * @param id the message id; the hub generates one when empty
 * @param idempotencyKey sent as the {@code Idempotency-Key} header: a repeat with the same key is
 *     answered as a duplicate instead of being stored twice (SEND only)
 */
public record Outgoing(Optional<String> recipient, String subject, Optional<String> type, Object body,
    Optional<String> correlationId, Optional<Duration> ttl, Optional<String> id, Optional<String> idempotencyKey) {
  /**
   * @throws IllegalArgumentException when subject or body is null
   */
  public Outgoing {
    if (subject == null || body == null) {
      throw new IllegalArgumentException("subject and body are required");
    }
  }

  /** A message for {@code recipient} with this subject and an empty object body. */
  public static Outgoing to(String recipient, String subject) {
    return new Outgoing(Optional.of(recipient), subject, Optional.empty(), JsonNodeFactory.instance.objectNode(),
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
  }

  /** A reply with this subject; the hub addresses it to the original sender. */
  public static Outgoing reply(String subject) {
    return new Outgoing(Optional.empty(), subject, Optional.empty(), JsonNodeFactory.instance.objectNode(),
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
  }

  /** This message with an explicit recipient. */
  public Outgoing withRecipient(String newRecipient) {
    return new Outgoing(Optional.of(newRecipient), subject, type, body, correlationId, ttl, id, idempotencyKey);
  }

  /** This message with an envelope type. */
  public Outgoing withType(String newType) {
    return new Outgoing(recipient, subject, Optional.of(newType), body, correlationId, ttl, id, idempotencyKey);
  }

  /** This message with a body: a {@code JsonNode} or any value Jackson can convert. */
  public Outgoing withBody(Object newBody) {
    return new Outgoing(recipient, subject, type, newBody, correlationId, ttl, id, idempotencyKey);
  }

  /** This message with a correlation id. */
  public Outgoing withCorrelationId(String newCorrelationId) {
    return new Outgoing(recipient, subject, type, body, Optional.of(newCorrelationId), ttl, id, idempotencyKey);
  }

  /** This message with a time to live. */
  public Outgoing withTtl(Duration newTtl) {
    return new Outgoing(recipient, subject, type, body, correlationId, Optional.of(newTtl), id, idempotencyKey);
  }

  /** This message with a message id of the sender's choosing. */
  public Outgoing withId(String newId) {
    return new Outgoing(recipient, subject, type, body, correlationId, ttl, Optional.of(newId), idempotencyKey);
  }

  /** This message with an idempotency key. */
  public Outgoing withIdempotencyKey(String newKey) {
    return new Outgoing(recipient, subject, type, body, correlationId, ttl, id, Optional.of(newKey));
  }
}
