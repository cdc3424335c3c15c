package dev.admp.server.durable;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * A point on the monotonic clock that bounds a cross-process wait: hubs in other processes
 * cannot count down a latch of ours, so tests poll what the hub says until it says what they
 * expect, or the deadline passes.
 */
record Deadline(long nanos) {
  private static final Duration POLL = Duration.ofMillis(100);

  static Deadline in(Duration max) {
    return new Deadline(System.nanoTime() + max.toNanos());
  }

  boolean passed() {
    return System.nanoTime() - nanos >= 0;
  }

  Duration remaining() {
    return Duration.ofNanos(Math.max(0, nanos - System.nanoTime()));
  }

  /** Polls {@code condition} until it holds; fails with {@code what} and the detail when the deadline passes. */
  void await(String what, BooleanSupplier condition, Supplier<String> detail) {
    while (!condition.getAsBoolean()) {
      if (passed()) {
        throw new AssertionError("timed out waiting until " + what + ": " + detail.get());
      }
      pause(POLL);
    }
  }

  static void pause(Duration d) {
    try {
      Thread.sleep(d);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }
}
