package dev.admp.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Optional;

/**
 * The state of a message after a NACK.
 *
 * @param status {@code leased} after an extension, {@code queued} after a requeue
 * @param leaseUntil the new lease end after an extension; empty after a requeue
 */
public record NackResult(String status, Optional<Instant> leaseUntil) {
  static NackResult from(JsonNode json) {
    return new NackResult(Fields.text(json, "status"), Fields.optionalInstant(json, "lease_until"));
  }
}
