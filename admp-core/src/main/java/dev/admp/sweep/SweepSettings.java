package dev.admp.sweep;

import java.time.Duration;
import java.util.Objects;

/**
 * Sweep rules.
 *
 * @param maxAttempts a message whose lease expires after this many attempts is dead ({@code MAX_ATTEMPTS})
 * @param retention acked, expired and dead messages are deleted this long after they ended ({@code RETENTION_SEC})
 */
public record SweepSettings(int maxAttempts, Duration retention) {
  public SweepSettings {
    Objects.requireNonNull(retention, "retention");
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
    }
    if (retention.isNegative()) {
      throw new IllegalArgumentException("retention must not be negative, was " + retention);
    }
  }
}
