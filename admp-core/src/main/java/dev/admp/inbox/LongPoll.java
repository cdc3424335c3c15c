package dev.admp.inbox;

import dev.admp.agent.AgentId;
import dev.admp.store.Store;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * PULL: lease at once, or wait for a wake-up of the inbox and lease again, until the wait ends.
 * Waiters also re-check at least every {@link #RECHECK}, because a message can become visible
 * without a wake-up (a delayed requeue coming due, a lease reclaimed by the sweep).
 */
final class LongPoll {
  static final Duration RECHECK = Duration.ofSeconds(1);

  private final Store store;
  private final Clock clock;
  private final InboxSignal signal;

  LongPoll(Store store, Clock clock, InboxSignal signal) {
    this.store = store;
    this.clock = clock;
    this.signal = signal;
  }

  List<Message> pull(AgentId inbox, PullRequest request) {
    // The wait bounds how long a request is held, so it runs on the monotonic clock; the
    // injected clock dates the store transitions.
    long deadline = System.nanoTime() + request.maxWait().toNanos();
    while (true) {
      long seen = signal.version(inbox);
      Instant now = clock.instant();
      List<Message> leased = store.lease(inbox, request.max(), now, now.plus(request.visibility()));
      long remaining = deadline - System.nanoTime();
      if (!leased.isEmpty() || remaining <= 0) {
        return leased;
      }
      try {
        signal.await(inbox, seen, Duration.ofNanos(Math.min(remaining, RECHECK.toNanos())));
      } catch (InterruptedException e) {
        // the hub is stopping or the request was abandoned: answer "nothing" and keep the flag
        Thread.currentThread().interrupt();
        return List.of();
      }
    }
  }
}
