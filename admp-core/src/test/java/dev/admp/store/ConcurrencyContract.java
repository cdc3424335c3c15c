package dev.admp.store;

import static dev.admp.store.StoreTestData.BOB;
import static dev.admp.store.StoreTestData.agent;
import static dev.admp.store.StoreTestData.at;
import static dev.admp.store.StoreTestData.message;
import static org.assertj.core.api.Assertions.assertThat;

import dev.admp.agent.Registration;
import dev.admp.inbox.EnqueueOutcome;
import dev.admp.inbox.InboxStats;
import dev.admp.inbox.LeaseMatch;
import dev.admp.inbox.Message;
import dev.admp.inbox.MessageId;
import dev.admp.inbox.Transition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/** Atomicity under contention: nothing is leased twice, created twice or lost. */
public interface ConcurrencyContract extends StoreContract {
  int THREADS = 16;
  int MESSAGES = 2_000;

  /** Runs {@code THREADS} tasks released together and returns their results; any failure fails the test. */
  private static <T> List<T> race(IntFunction<Callable<T>> task) throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<T>> futures = new ArrayList<>();
      for (int i = 0; i < THREADS; i++) {
        Callable<T> body = task.apply(i);
        futures.add(pool.submit(() -> {
          start.await();
          return body.call();
        }));
      }
      start.countDown();
      List<T> results = new ArrayList<>();
      for (Future<T> future : futures) {
        results.add(future.get(5, TimeUnit.MINUTES));
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  private void fillBobsInbox() {
    given(StoreTestData.ALICE, BOB);
    for (int i = 0; i < MESSAGES; i++) {
      assertThat(store().enqueue(message("m-" + i, BOB), at(0))).isInstanceOf(EnqueueOutcome.Enqueued.class);
    }
  }

  @Test
  default void concurrentLeasesLeaseEveryMessageExactlyOnce() throws Exception {
    fillBobsInbox();
    Map<MessageId, Integer> timesLeased = new ConcurrentHashMap<>();

    race(thread -> () -> {
      List<Message> batch;
      do {
        batch = store().lease(BOB, 1 + thread % 3, at(1), at(3_600));
        batch.forEach(m -> timesLeased.merge(m.id(), 1, Integer::sum));
      } while (!batch.isEmpty());
      return null;
    });

    assertThat(timesLeased).hasSize(MESSAGES);
    assertThat(timesLeased.values()).containsOnly(1);
    assertThat(store().inboxStats(BOB)).isEqualTo(new InboxStats(0, MESSAGES, 0, 0, 0));
  }

  @Test
  default void concurrentLeasesAndAcksAckEveryMessageExactlyOnce() throws Exception {
    fillBobsInbox();
    Map<MessageId, Integer> timesAcked = new ConcurrentHashMap<>();

    race(thread -> () -> {
      List<Message> batch;
      do {
        batch = store().lease(BOB, 1 + thread % 3, at(1), at(3_600));
        for (Message m : batch) {
          LeaseMatch lease = new LeaseMatch.Exactly(m.lease().orElseThrow().id());
          if (store().ack(BOB, m.id(), lease, at(2)) instanceof Transition.Done) {
            timesAcked.merge(m.id(), 1, Integer::sum);
          }
        }
      } while (!batch.isEmpty());
      return null;
    });

    assertThat(timesAcked).hasSize(MESSAGES);
    assertThat(timesAcked.values()).containsOnly(1);
    assertThat(store().inboxStats(BOB)).isEqualTo(new InboxStats(0, 0, MESSAGES, 0, 0));
  }

  @Test
  default void concurrentEnqueuesOfOneDedupKeyStoreOneMessage() throws Exception {
    given(StoreTestData.ALICE, BOB);

    List<EnqueueOutcome> outcomes = race(thread -> () -> store().enqueue(message("m-1", BOB), at(thread)));

    assertThat(outcomes).filteredOn(EnqueueOutcome.Enqueued.class::isInstance).hasSize(1);
    assertThat(outcomes).filteredOn(EnqueueOutcome.Duplicate.class::isInstance).hasSize(THREADS - 1);
    assertThat(store().inboxStats(BOB).queued()).isEqualTo(1);
  }

  @Test
  default void concurrentRegistrationsOfOneIdCreateOneAgent() throws Exception {
    List<Registration> outcomes = race(thread -> () -> store().registerAgent(agent(BOB)));

    assertThat(outcomes).filteredOn(Registration.Registered.class::isInstance).hasSize(1);
    assertThat(outcomes).filteredOn(Registration.AlreadyExists.class::isInstance).hasSize(THREADS - 1);
  }
}
