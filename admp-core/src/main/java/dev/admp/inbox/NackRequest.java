package dev.admp.inbox;

import dev.admp.InvalidRequestException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A NACK: extend the lease, or give the message back to the queue.
 *
 * @param extend when present, keep the lease and extend it by this much (1 s to 12 h) from
 *     {@code max(now, lease_until)}
 * @param delay otherwise, requeue the message visible again after this delay (0 to 12 h)
 * @param lease the lease the caller must hold
 */
public record NackRequest(Optional<Duration> extend, Duration delay, LeaseMatch lease) {
  public NackRequest {
    Objects.requireNonNull(extend, "extend");
    Objects.requireNonNull(delay, "delay");
    Objects.requireNonNull(lease, "lease");
    extend.ifPresent(e -> {
      if (e.compareTo(Duration.ofSeconds(1)) < 0 || e.compareTo(PullRequest.MAX_VISIBILITY) > 0) {
        throw new InvalidRequestException("INVALID_REQUEST", "extend_sec must be 1..43200, was " + e.toSeconds());
      }
    });
    if (delay.isNegative() || delay.compareTo(PullRequest.MAX_VISIBILITY) > 0) {
      throw new InvalidRequestException("INVALID_REQUEST", "delay_sec must be 0..43200, was " + delay.toSeconds());
    }
  }

  /** Requeue at once under any lease: a NACK without options. */
  public static NackRequest requeue() {
    return new NackRequest(Optional.empty(), Duration.ZERO, LeaseMatch.any());
  }
}
