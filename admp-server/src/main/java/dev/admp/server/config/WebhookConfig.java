package dev.admp.server.config;

import java.time.Duration;
import java.util.Objects;

/**
 * Webhook push delivery.
 *
 * @param timeout per attempt
 * @param maxAttempts attempts per message, the first included
 * @param firstBackoff wait before the second attempt; doubled for each later one
 */
public record WebhookConfig(Duration timeout, int maxAttempts, Duration firstBackoff) {
  /** The reference hub's behaviour: 10 s per attempt, 3 attempts, backoff 1 s, 2 s. */
  public static final WebhookConfig DEFAULT = new WebhookConfig(Duration.ofSeconds(10), 3, Duration.ofSeconds(1));

  public WebhookConfig {
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(firstBackoff, "firstBackoff");
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be positive, was " + maxAttempts);
    }
  }
}
