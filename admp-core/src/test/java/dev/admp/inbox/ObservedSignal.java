package dev.admp.inbox;

import dev.admp.agent.AgentId;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** The real signal, plus a latch that opens when a puller starts waiting and a count of wakes. */
final class ObservedSignal implements InboxSignal {
  private final InboxSignal signal;
  private final CountDownLatch waiting = new CountDownLatch(1);
  private final AtomicInteger wakes = new AtomicInteger();

  ObservedSignal(InboxSignal signal) {
    this.signal = signal;
  }

  @Override
  public long version(AgentId inbox) {
    return signal.version(inbox);
  }

  @Override
  public void wake(AgentId inbox) {
    wakes.incrementAndGet();
    signal.wake(inbox);
  }

  @Override
  public boolean await(AgentId inbox, long seen, Duration max) throws InterruptedException {
    waiting.countDown();
    return signal.await(inbox, seen, max);
  }

  /** Blocks until some puller has started to wait; fails after 30 s. */
  void awaitWaiter() throws InterruptedException {
    if (!waiting.await(30, TimeUnit.SECONDS)) {
      throw new AssertionError("no pull started to wait");
    }
  }

  int wakes() {
    return wakes.get();
  }
}
