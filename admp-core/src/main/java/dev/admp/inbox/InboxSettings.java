package dev.admp.inbox;

import java.time.Duration;
import java.util.Objects;

/**
 * Message rules of the hub.
 *
 * @param defaultTtl TTL of an envelope without {@code ttl_sec} ({@code MESSAGE_TTL_SEC})
 * @param maxTtl larger {@code ttl_sec} values are clamped to this ({@code MAX_TTL_SEC})
 * @param maxAttempts a message whose lease expires after this many attempts is dead ({@code MAX_ATTEMPTS})
 * @param clockSkew how far an envelope {@code timestamp} may lie from the hub clock
 * @param signaturePolicy whether envelopes must be signed
 */
public record InboxSettings(
    Duration defaultTtl, Duration maxTtl, int maxAttempts, Duration clockSkew, EnvelopeSignaturePolicy signaturePolicy) {

  public InboxSettings {
    Objects.requireNonNull(defaultTtl, "defaultTtl");
    Objects.requireNonNull(maxTtl, "maxTtl");
    Objects.requireNonNull(clockSkew, "clockSkew");
    Objects.requireNonNull(signaturePolicy, "signaturePolicy");
    if (defaultTtl.isNegative() || defaultTtl.isZero() || maxTtl.compareTo(defaultTtl) < 0) {
      throw new IllegalArgumentException("need 0 < defaultTtl <= maxTtl, were " + defaultTtl + " and " + maxTtl);
    }
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
    }
    if (clockSkew.isNegative()) {
      throw new IllegalArgumentException("clockSkew must not be negative, was " + clockSkew);
    }
  }
}
