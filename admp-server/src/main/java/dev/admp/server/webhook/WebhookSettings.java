package dev.admp.server.webhook;

import java.time.Duration;
import java.util.Objects;

/**
 * How webhook deliveries behave.
 *
 * @param timeout per attempt: connect plus response; a slower receiver counts as a failed attempt
 * @param attempts total attempts per message, the first included
 * @param backoffBase delay before the second attempt; each further retry waits twice as long as the previous
 * @param maxInFlight deliveries held at once (sending or waiting for a retry); more are dropped
 */
public record WebhookSettings(Duration timeout, int attempts, Duration backoffBase, int maxInFlight) {

  /** Deliveries held at once unless configured otherwise: bounds memory when a receiver is dead. */
  public static final int DEFAULT_MAX_IN_FLIGHT = 1000;

  /** As the reference hub: 10 s timeout, 3 attempts, retries after 1 s then 2 s. */
  public static final WebhookSettings DEFAULTS =
      new WebhookSettings(Duration.ofSeconds(10), 3, Duration.ofSeconds(1), DEFAULT_MAX_IN_FLIGHT);

  public WebhookSettings {
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(backoffBase, "backoffBase");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("webhook timeout must be positive, was " + timeout);
    }
    if (backoffBase.isNegative()) {
      throw new IllegalArgumentException("webhook backoff base must not be negative, was " + backoffBase);
    }
    if (attempts < 1 || attempts > 20) {
      throw new IllegalArgumentException("webhook attempts must be 1-20, was " + attempts);
    }
    if (maxInFlight < 1) {
      throw new IllegalArgumentException("webhook max in flight must be positive, was " + maxInFlight);
    }
  }

  /** These timings with {@link #DEFAULT_MAX_IN_FLIGHT}. */
  public static WebhookSettings of(Duration timeout, int attempts, Duration backoffBase) {
    return new WebhookSettings(timeout, attempts, backoffBase, DEFAULT_MAX_IN_FLIGHT);
  }

  /** The wait before attempt {@code attempt + 1}, after attempt {@code attempt} (1-based) failed. */
  public Duration backoffAfter(int attempt) {
    if (attempt < 1) {
      throw new IllegalArgumentException("attempt is 1-based, was " + attempt);
    }
    return backoffBase.multipliedBy(1L << (attempt - 1));
  }
}
