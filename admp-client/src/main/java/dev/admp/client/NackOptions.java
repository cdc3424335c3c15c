package dev.admp.client;

import java.time.Duration;
import java.util.Optional;

/**
 * Options of a NACK: either extend the lease, or put the message back in the queue, visible at once
 * or after a delay.
 *
 * @param extend when present, extend the lease by this long (from the later of now and its end)
 *     instead of requeueing
 * @param delay when requeueing, how long the message stays invisible
 * @param leaseId when present, the NACK succeeds only while this lease is current
 */
public record NackOptions(Optional<Duration> extend, Duration delay, Optional<String> leaseId) {
  /**
   * @throws IllegalArgumentException for a non-positive extension or a negative delay
   */
  public NackOptions {
    extend.ifPresent(by -> {
      if (by.isNegative() || by.isZero()) {
        throw new IllegalArgumentException("a lease extension must be positive");
      }
    });
    if (delay.isNegative()) {
      throw new IllegalArgumentException("delay must not be negative");
    }
  }

  /** Back to the queue, visible at once. */
  public static NackOptions requeue() {
    return new NackOptions(Optional.empty(), Duration.ZERO, Optional.empty());
  }

  /** Back to the queue, visible after {@code delay}. */
  public static NackOptions requeueAfter(Duration delay) {
    return new NackOptions(Optional.empty(), delay, Optional.empty());
  }

  /** Keep the lease, {@code by} longer. */
  public static NackOptions extend(Duration by) {
    return new NackOptions(Optional.of(by), Duration.ZERO, Optional.empty());
  }

  /** These options, conditional on this lease. */
  public NackOptions withLease(String newLeaseId) {
    return new NackOptions(extend, delay, Optional.of(newLeaseId));
  }
}
