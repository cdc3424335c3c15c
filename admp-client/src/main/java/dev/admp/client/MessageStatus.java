package dev.admp.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Optional;

/**
 * Where a message is in its lifecycle.
 *
 * @param id the message id
 * @param status {@code queued}, {@code leased}, {@code acked}, {@code failed}, {@code expired} or {@code dead}
 * @param createdAt when the hub accepted it
 * @param updatedAt when its state last changed
 * @param attempts how many times it was leased
 * @param leaseUntil the end of its current lease, if leased
 * @param ackedAt when it was acknowledged, if it was
 */
public record MessageStatus(String id, String status, Instant createdAt, Instant updatedAt, int attempts,
    Optional<Instant> leaseUntil, Optional<Instant> ackedAt) {
  static MessageStatus from(JsonNode json) {
    return new MessageStatus(Fields.text(json, "id"), Fields.text(json, "status"), Fields.instant(json, "created_at"),
        Fields.instant(json, "updated_at"), (int) Fields.number(json, "attempts"),
        Fields.optionalInstant(json, "lease_until"), Fields.optionalInstant(json, "acked_at"));
  }
}
