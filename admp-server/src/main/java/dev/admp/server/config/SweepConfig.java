package dev.admp.server.config;

import java.time.Duration;
import java.util.Objects;

/**
 * The background sweep.
 *
 * @param interval time between sweeps ({@code CLEANUP_INTERVAL_MS})
 * @param retention how long acked, expired and dead messages are kept before they are deleted
 */
public record SweepConfig(Duration interval, Duration retention) {
  public SweepConfig {
    Objects.requireNonNull(interval, "interval");
    Objects.requireNonNull(retention, "retention");
    if (interval.isZero() || interval.isNegative()) {
      throw new IllegalArgumentException("interval must be positive, was " + interval);
    }
  }
}
