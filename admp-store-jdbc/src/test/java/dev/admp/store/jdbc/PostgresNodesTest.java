package dev.admp.store.jdbc;

import static dev.admp.store.jdbc.Fixtures.T0;
import static dev.admp.store.jdbc.Fixtures.id;
import static dev.admp.store.jdbc.Fixtures.message;
import static org.assertj.core.api.Assertions.assertThat;

import dev.admp.agent.AgentId;
import dev.admp.agent.AgentUpdate;
import dev.admp.inbox.EnqueueOutcome;
import dev.admp.inbox.InboxStats;
import dev.admp.inbox.LeaseMatch;
import dev.admp.inbox.Message;
import dev.admp.inbox.MessageId;
import dev.admp.inbox.Transition;
import dev.admp.testkit.postgres.EmbeddedPostgresServer;
import dev.admp.testkit.postgres.PostgresDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Several hub nodes — stores with their own pools and listeners — on one PostgreSQL database. */
@Tag("postgres")
class PostgresNodesTest {
  private static final int NODES = 3;
  private static final int WORKERS = 24;
  private static final List<AgentId> INBOXES = List.of(id("inbox-a"), id("inbox-b"), id("inbox-c"));
  private static final int PER_INBOX = 3_000;
  private static final Instant LEASE_END = T0.plus(Duration.ofHours(1));

  private static EmbeddedPostgresServer server;
  private final List<JdbcStore> nodes = new ArrayList<>();
  private final List<BlockingQueue<AgentId>> wakeUps = new ArrayList<>();

  @BeforeAll
  static void startServer() {
    server = EmbeddedPostgresServer.start();
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  private PostgresDatabase db;

  @BeforeEach
  void startNodes() {
    db = server.createDatabase();
    for (int i = 0; i < NODES; i++) {
      BlockingQueue<AgentId> woken = new LinkedBlockingQueue<>();
      wakeUps.add(woken);
      nodes.add(JdbcStore.postgres(PostgresVerbsTest.settings(db).withPoolSize(8), woken::add));
    }
  }

  @AfterEach
  void stopNodes() {
    nodes.forEach(JdbcStore::close);
  }

  @Test
  void concurrentWorkersOnSeveralNodesAckEveryMessageExactlyOnceAndNeverShareALease() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(WORKERS);
    try {
      enqueueFromEveryNode(pool);
      Set<MessageId> held = ConcurrentHashMap.newKeySet();
      Set<MessageId> acked = ConcurrentHashMap.newKeySet();
      AtomicInteger doubleLeases = new AtomicInteger();
      AtomicInteger doubleAcks = new AtomicInteger();
      AtomicInteger refusedAcks = new AtomicInteger();
      Map<AgentId, AtomicInteger> ackedPerInbox = new ConcurrentHashMap<>();
      INBOXES.forEach(inbox -> ackedPerInbox.put(inbox, new AtomicInteger()));
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
      List<Future<?>> workers = new ArrayList<>();
      for (int w = 0; w < WORKERS; w++) {
        JdbcStore node = nodes.get(w % NODES);
        AgentId inbox = INBOXES.get((w / NODES) % INBOXES.size());
        int batch = 1 + w % 4;
        workers.add(pool.submit(() -> {
          while (System.nanoTime() < deadline && ackedPerInbox.get(inbox).get() < PER_INBOX) {
            for (Message m : node.lease(inbox, batch, T0, LEASE_END)) {
              if (!held.add(m.id())) {
                doubleLeases.incrementAndGet();
              }
              Transition t = node.ack(inbox, m.id(), new LeaseMatch.Exactly(m.lease().orElseThrow().id()), T0);
              held.remove(m.id());
              if (!(t instanceof Transition.Done)) {
                refusedAcks.incrementAndGet();
              } else if (!acked.add(m.id())) {
                doubleAcks.incrementAndGet();
              } else {
                ackedPerInbox.get(inbox).incrementAndGet();
              }
            }
          }
        }));
      }
      for (Future<?> f : workers) {
        f.get();
      }

      assertThat(doubleLeases).hasValue(0);
      assertThat(doubleAcks).hasValue(0);
      assertThat(refusedAcks).hasValue(0);
      assertThat(acked).hasSize(PER_INBOX * INBOXES.size());
      for (AgentId inbox : INBOXES) {
        assertThat(nodes.getFirst().inboxStats(inbox)).isEqualTo(new InboxStats(0, 0, PER_INBOX, 0, 0));
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aMessageSentThroughOneNodeWakesTheListenersOfEveryNode() throws InterruptedException {
    nodes.get(1).enqueue(message("m-1", "alice", "bob"), T0);

    for (BlockingQueue<AgentId> woken : wakeUps) {
      assertThat(woken.poll(10, TimeUnit.SECONDS)).isEqualTo(id("bob"));
    }
  }

  @Test
  void aRequeuedMessageWakesTheOtherNodes() throws InterruptedException {
    nodes.get(0).enqueue(message("m-1", "alice", "bob"), T0);
    assertThat(wakeUps.get(2).poll(10, TimeUnit.SECONDS)).isEqualTo(id("bob"));
    Message m = nodes.get(0).lease(id("bob"), 1, T0, LEASE_END).getFirst();

    nodes.get(0).requeue(id("bob"), m.id(), LeaseMatch.any(), T0, T0);

    assertThat(wakeUps.get(2).poll(10, TimeUnit.SECONDS)).isEqualTo(id("bob"));
  }

  @Test
  void aDuplicateSentThroughAnotherNodeIsRecognised() {
    Message first = ((EnqueueOutcome.Enqueued) nodes.get(0).enqueue(message("m-1", "alice", "bob"), T0)).message();

    assertThat(nodes.get(1).enqueue(message("m-1", "alice", "bob"), T0)).isEqualTo(new EnqueueOutcome.Duplicate(first));
  }

  @Test
  void concurrentTwinsOfOneSendStoreOneMessage() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(NODES * 2);
    try {
      for (int round = 0; round < 50; round++) {
        String id = "twin-" + round;
        List<Future<EnqueueOutcome>> sends = new ArrayList<>();
        for (int i = 0; i < NODES * 2; i++) {
          JdbcStore node = nodes.get(i % NODES);
          sends.add(pool.submit(() -> node.enqueue(message(id, "alice", "bob"), T0)));
        }
        int enqueued = 0;
        for (Future<EnqueueOutcome> f : sends) {
          EnqueueOutcome o = f.get();
          assertThat(o).isInstanceOfAny(EnqueueOutcome.Enqueued.class, EnqueueOutcome.Duplicate.class);
          enqueued += o instanceof EnqueueOutcome.Enqueued ? 1 : 0;
        }
        assertThat(enqueued).as("round %d", round).isEqualTo(1);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void anotherNodesChangeToACachedAgentShowsOnceTheCacheTtlHasPassed() throws InterruptedException {
    Duration ttl = Duration.ofMillis(300);
    try (JdbcStore reader = JdbcStore.postgres(PostgresVerbsTest.settings(db)
        .withAgentCache(new AgentCacheSettings(ttl, 100)))) {
      nodes.get(0).registerAgent(Fixtures.agent("bob"));
      assertThat(reader.findAgent(id("bob")).orElseThrow().trusted()).isEmpty();

      nodes.get(0).updateAgent(id("bob"), new AgentUpdate.TrustedAgents(List.of(id("alice"))));

      long deadline = System.nanoTime() + ttl.toNanos() + TimeUnit.SECONDS.toNanos(5);
      while (reader.findAgent(id("bob")).orElseThrow().trusted().isEmpty()) {
        assertThat(System.nanoTime()).as("the change shows within the TTL").isLessThan(deadline);
        TimeUnit.MILLISECONDS.sleep(50);
      }
    }
  }

  private void enqueueFromEveryNode(ExecutorService pool) throws Exception {
    List<Future<?>> sends = new ArrayList<>();
    for (int n = 0; n < NODES; n++) {
      JdbcStore node = nodes.get(n);
      int first = n;
      sends.add(pool.submit(() -> {
        for (int i = first; i < PER_INBOX; i += NODES) {
          for (AgentId inbox : INBOXES) {
            var outcome = node.enqueue(message(inbox.value() + "-" + i, "sender", inbox.value()), T0);
            assertThat(outcome).isInstanceOf(EnqueueOutcome.Enqueued.class);
          }
        }
      }));
    }
    for (Future<?> f : sends) {
      f.get();
    }
  }
}
