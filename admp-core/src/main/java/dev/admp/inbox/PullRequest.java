package dev.admp.inbox;

import dev.admp.InvalidRequestException;
import java.time.Duration;
import java.util.Objects;

/**
 * A PULL; out-of-range values are rejected with 400 {@code INVALID_REQUEST}.
 *
 * @param visibility how long the leased messages stay invisible to other pulls: 1 s to 12 h
 * @param maxWait how long to wait for a message when the inbox is empty: 0 to 20 s ({@code wait_sec};
 *     a record component cannot be called {@code wait}, which {@link Object} owns)
 * @param max how many messages to lease at most: 1 to 10
 */
public record PullRequest(Duration visibility, Duration maxWait, int max) {
  static final Duration MAX_VISIBILITY = Duration.ofHours(12);
  static final Duration MAX_WAIT = Duration.ofSeconds(20);
  static final int MAX_MESSAGES = 10;

  public PullRequest {
    Objects.requireNonNull(visibility, "visibility");
    Objects.requireNonNull(maxWait, "maxWait");
    if (visibility.compareTo(Duration.ofSeconds(1)) < 0 || visibility.compareTo(MAX_VISIBILITY) > 0) {
      throw new InvalidRequestException("INVALID_REQUEST",
          "visibility_timeout must be 1..43200 seconds, was " + visibility.toSeconds());
    }
    if (maxWait.isNegative() || maxWait.compareTo(MAX_WAIT) > 0) {
      throw new InvalidRequestException("INVALID_REQUEST", "wait_sec must be 0..20, was " + maxWait.toSeconds());
    }
    if (max < 1 || max > MAX_MESSAGES) {
      throw new InvalidRequestException("INVALID_REQUEST", "max_messages must be 1..10, was " + max);
    }
  }
}
