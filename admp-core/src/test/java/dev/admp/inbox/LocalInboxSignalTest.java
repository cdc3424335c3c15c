package dev.admp.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.admp.agent.AgentId;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LocalInboxSignalTest {
  private static final AgentId BOB = new AgentId("bob");
  private static final AgentId CAROL = new AgentId("carol");

  private final LocalInboxSignal signal = new LocalInboxSignal();

  @Test
  void wakeAfterTheSeenVersionMakesAwaitReturnTrueAtOnce() throws InterruptedException {
    long seen = signal.version(BOB);
    signal.wake(BOB);

    assertThat(signal.await(BOB, seen, Duration.ofMinutes(1))).isTrue();
  }

  @Test
  void awaitWithoutWakeReturnsFalseAfterMax() throws InterruptedException {
    long seen = signal.version(BOB);

    assertThat(signal.await(BOB, seen, Duration.ofMillis(20))).isFalse();
  }

  @Test
  void wakeOfAnotherInboxLeavesTheWaiterWaiting() throws InterruptedException {
    long seen = signal.version(BOB);
    signal.version(CAROL);
    signal.wake(CAROL);

    assertThat(signal.await(BOB, seen, Duration.ofMillis(20))).isFalse();
  }

  @Test
  void wakeReleasesAWaiterBlockedInAwait() throws Exception {
    long seen = signal.version(BOB);
    CountDownLatch started = new CountDownLatch(1);
    CompletableFuture<Boolean> woken = CompletableFuture.supplyAsync(() -> {
      started.countDown();
      try {
        return signal.await(BOB, seen, Duration.ofMinutes(1));
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
    });
    started.await();

    signal.wake(BOB);

    assertThat(woken.get(30, TimeUnit.SECONDS)).isTrue();
  }
}
