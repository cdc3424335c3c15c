package dev.admp.inbox;

import dev.admp.agent.AgentId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** A message to enqueue; see {@link Message} for the fields. */
public record NewMessage(
    MessageId id, AgentId from, AgentId to, String envelopeJson, Optional<String> dedupKey, Instant expiresAt) {
  public NewMessage {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(envelopeJson, "envelopeJson");
    Objects.requireNonNull(dedupKey, "dedupKey");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }
}
