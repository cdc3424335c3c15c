package dev.admp.client;

import java.time.Duration;

/**
 * How to pull: lease length, long-poll wait and batch size. Durations are sent as whole seconds,
 * rounded up; the hub enforces its limits (visibility 1 s to 12 h, wait up to 20 s, 1 to 10 messages).
 *
 * @param visibility how long pulled messages stay leased (invisible to other pulls)
 * @param waitTime how long the hub may wait for a message when the inbox is empty (0: answer at once)
 * @param maxMessages how many messages to lease at most
 */
public record PullOptions(Duration visibility, Duration waitTime, int maxMessages) {
  /**
   * @throws IllegalArgumentException for a non-positive visibility, a negative wait time or fewer than
   *     one message
   */
  public PullOptions {
    if (visibility.isNegative() || visibility.isZero()) {
      throw new IllegalArgumentException("visibility must be positive");
    }
    if (waitTime.isNegative()) {
      throw new IllegalArgumentException("waitTime must not be negative");
    }
    if (maxMessages < 1) {
      throw new IllegalArgumentException("maxMessages must be at least 1");
    }
  }

  /** The hub's defaults: 60 s visibility, no wait, one message. */
  public static PullOptions defaults() {
    return new PullOptions(Duration.ofSeconds(60), Duration.ZERO, 1);
  }

  /** These options with another lease length. */
  public PullOptions withVisibility(Duration newVisibility) {
    return new PullOptions(newVisibility, waitTime, maxMessages);
  }

  /** These options with a long-poll wait. */
  public PullOptions withWait(Duration newWait) {
    return new PullOptions(visibility, newWait, maxMessages);
  }

  /** These options with another batch size. */
  public PullOptions withMaxMessages(int newMaxMessages) {
    return new PullOptions(visibility, waitTime, newMaxMessages);
  }

  static long seconds(Duration duration) {
    long seconds = duration.getSeconds();
    return duration.getNano() > 0 ? seconds + 1 : seconds;
  }
}
