package dev.admp.client;

import java.util.Optional;

/**
 * Options of an ACK.
 *
 * @param leaseId when present, the ACK succeeds only while this lease is current ({@code LEASE_LOST} otherwise)
 * @param result an optional result to record: a Jackson {@code JsonNode} or any value Jackson can convert
 */
public record AckOptions(Optional<String> leaseId, Optional<Object> result) {
  /** No lease condition, no result. */
  public static AckOptions none() {
    return new AckOptions(Optional.empty(), Optional.empty());
  }

  /** These options, conditional on this lease. */
  public AckOptions withLease(String newLeaseId) {
    return new AckOptions(Optional.of(newLeaseId), result);
  }

  /** These options with a result. */
  public AckOptions withResult(Object newResult) {
    return new AckOptions(leaseId, Optional.of(newResult));
  }
}
