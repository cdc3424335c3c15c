package dev.admp.server.config;

import java.time.Duration;
import java.util.Objects;

/**
 * Message lifetime.
 *
 * @param defaultTtl TTL of an envelope without {@code ttl_sec}
 * @param maxTtl upper bound of any TTL
 * @param maxAttempts leases after which an expiring lease makes the message dead
 */
public record MessageConfig(Duration defaultTtl, Duration maxTtl, int maxAttempts) {
  public MessageConfig {
    Objects.requireNonNull(defaultTtl, "defaultTtl");
    Objects.requireNonNull(maxTtl, "maxTtl");
    if (defaultTtl.compareTo(maxTtl) > 0) {
      throw new IllegalArgumentException("defaultTtl " + defaultTtl + " exceeds maxTtl " + maxTtl);
    }
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be positive, was " + maxAttempts);
    }
  }
}
