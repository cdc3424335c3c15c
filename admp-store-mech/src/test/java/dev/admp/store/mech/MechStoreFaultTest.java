package dev.admp.store.mech;

import static dev.admp.store.StoreTestData.ALICE;
import static dev.admp.store.StoreTestData.BOB;
import static dev.admp.store.StoreTestData.agent;
import static dev.admp.store.StoreTestData.at;
import static dev.admp.store.StoreTestData.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.admp.UnavailableException;
import dev.admp.inbox.EnqueueOutcome;
import dev.admp.inbox.LeaseMatch;
import dev.admp.inbox.Message;
import dev.admp.inbox.MessageId;
import dev.admp.inbox.Transition;
import dev.admp.store.StoreUnavailableException;
import dev.admp.testkit.mech.Faults;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.slf4j.LoggerFactory;

/** The store under injected faults: it recovers what can be recovered and fails fast otherwise. */
class MechStoreFaultTest {
  private static final int MESSAGES = 200;

  /**
   * The first TLS connection of a JVM loads and initialises the client and server stacks, which can
   * take longer than the short timeouts below; they are meant for a warm process.
   */
  @BeforeAll
  static void warmUp() {
    try (MechTestEmulator emulator = MechTestEmulator.start(Kind.EXTENDED.capabilities);
        MechStore store = MechStore.open(emulator.config(MechTestEmulator.newApp()))) {
      store.checkHealth();
    }
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void withOneRequestInTenFailingEveryMessageIsDeliveredAndAckedExactlyOnce(Kind kind) {
    try (MechTestEmulator emulator = MechTestEmulator.start(kind.capabilities);
        MechStore store = MechStore.open(emulator.config(MechTestEmulator.newApp()))) {
      store.registerAgent(agent(ALICE));
      store.registerAgent(agent(BOB));
      emulator.mech.faults(Faults.NONE.withUnavailableRate(0.1));

      for (int i = 0; i < MESSAGES; i++) {
        var m = message("m-" + i, BOB);
        EnqueueOutcome sent = untilAvailable(() -> store.enqueue(m, at(0)));
        assertThat(sent).isInstanceOfAny(EnqueueOutcome.Enqueued.class, EnqueueOutcome.Duplicate.class);
      }
      Map<MessageId, Integer> delivered = new HashMap<>();
      int acked = 0;
      while (true) {
        List<Message> batch = untilAvailable(() -> store.lease(BOB, 3, at(1), at(3_600)));
        if (batch.isEmpty()) {
          break;
        }
        for (Message m : batch) {
          delivered.merge(m.id(), 1, Integer::sum);
          Transition t = untilAvailable(() -> store.ack(BOB, m.id(), new LeaseMatch.Exactly(m.lease().orElseThrow().id()), at(2)));
          assertThat(t).isInstanceOf(Transition.Done.class);
          acked++;
        }
      }

      assertThat(emulator.mech.stats().totalRequests()).isGreaterThan(2L * MESSAGES);
      assertThat(delivered).hasSize(MESSAGES);
      assertThat(delivered.values()).containsOnly(1);
      assertThat(acked).isEqualTo(MESSAGES);
      assertThat(store.inboxStats(BOB).acked()).isEqualTo(MESSAGES);
    }
  }

  /** The caller's view: a 503 from the hub is retried by the client, as API clients do. */
  private static <T> T untilAvailable(Supplier<T> call) {
    for (int attempt = 1; ; attempt++) {
      try {
        return call.get();
      } catch (UnavailableException e) {
        assertThat(attempt).as("attempts of one call").isLessThan(20);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void aHangingMechFailsCallsWithinTheTimeoutOpensTheCircuitAndRecoversWithoutRestart(Kind kind)
      throws InterruptedException {
    MechStoreConfig.Resilience quick = new MechStoreConfig.Resilience(3, Duration.ofMillis(10), 50, 4,
        Duration.ofMillis(500));
    try (MechTestEmulator emulator = MechTestEmulator.start(kind.capabilities);
        MechStore store = MechStore.open(emulator.config(MechTestEmulator.newApp())
            .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(1)).withResilience(quick))) {
      store.registerAgent(agent(ALICE));
      store.registerAgent(agent(BOB));
      emulator.mech.faults(Faults.NONE.withHangRate(1));

      for (int i = 0; i < 2; i++) {
        int n = i;
        long start = System.nanoTime();
        assertThatThrownBy(() -> store.enqueue(message("hung-" + n, BOB), at(0)))
            .isInstanceOf(StoreUnavailableException.class);
        // One attempt: a timed-out call is not retried, so it fails within its timeout (plus scheduling).
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1_900));
      }
      long requestsBefore = emulator.mech.stats().totalRequests();
      long start = System.nanoTime();
      assertThatThrownBy(() -> store.enqueue(message("fast", BOB), at(0)))
          .isInstanceOf(StoreUnavailableException.class).hasMessageContaining("circuit is open");
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(300));
      assertThat(emulator.mech.stats().totalRequests()).isEqualTo(requestsBefore);

      emulator.mech.faults(Faults.NONE);
      EnqueueOutcome recovered = null;
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (recovered == null) {
        try {
          recovered = store.enqueue(message("after", BOB), at(0));
        } catch (StoreUnavailableException e) {
          assertThat(System.nanoTime()).as("circuit still open at the deadline").isLessThan(deadline);
          Thread.sleep(50); // bounded polling: the circuit half-opens on its own timer
        }
      }
      assertThat(recovered).isInstanceOf(EnqueueOutcome.Enqueued.class);
      assertThat(store.lease(BOB, 10, at(1), at(61))).extracting(Message::id)
          .containsExactly(new MessageId("after"));
    }
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void resetConnectionsAreRetriedForSafeCalls(Kind kind) {
    try (MechTestEmulator emulator = MechTestEmulator.start(kind.capabilities);
        MechStore store = MechStore.open(emulator.config(MechTestEmulator.newApp()))) {
      store.registerAgent(agent(BOB));
      emulator.mech.faults(Faults.NONE.withResetRate(0.3));

      int sent = 0;
      for (int i = 0; i < 30; i++) {
        var m = message("m-" + i, BOB);
        if (untilAvailable(() -> store.enqueue(m, at(0))) instanceof EnqueueOutcome.Enqueued) {
          sent++;
        }
      }
      emulator.mech.faults(Faults.NONE);

      assertThat(sent).isEqualTo(30);
      assertThat(store.lease(BOB, 10, at(1), at(61))).hasSize(10);
    }
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void writesWhoseRepliesAreLostAreNeitherDoubledNorReportedAsConflicts(Kind kind) {
    String app = MechTestEmulator.newApp();
    try (MechTestEmulator emulator = MechTestEmulator.start(kind.capabilities);
        MechStore store = MechStore.open(emulator.config(app))) {
      store.registerAgent(agent(BOB));
      emulator.mech.faults(Faults.NONE.withLostReplyRate(0.4));

      for (int i = 0; i < 30; i++) {
        var m = message("m-" + i, BOB);
        assertThat(untilAvailable(() -> store.enqueue(m, at(0))))
            .isInstanceOfAny(EnqueueOutcome.Enqueued.class, EnqueueOutcome.Duplicate.class);
      }
      Map<MessageId, Integer> delivered = new HashMap<>();
      for (List<Message> batch; !(batch = untilAvailable(() -> store.lease(BOB, 1, at(1), at(3_600)))).isEmpty(); ) {
        Message m = batch.getFirst();
        delivered.merge(m.id(), 1, Integer::sum);
        assertThat(untilAvailable(() -> store.ack(BOB, m.id(), LeaseMatch.any(), at(2))))
            .isInstanceOf(Transition.Done.class);
      }
      emulator.mech.faults(Faults.NONE);

      assertThat(delivered).hasSize(30);
      assertThat(delivered.values()).containsOnly(1);
      assertThat(emulator.mech.size(app, MessageDocument.COLLECTION)).isEqualTo(30);
    }
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void theApiKeyNeverAppearsInTheLogs(Kind kind) {
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    Logger mechLogs = (Logger) LoggerFactory.getLogger("dev.admp.store.mech");
    ch.qos.logback.classic.Level level = mechLogs.getLevel();
    mechLogs.setLevel(ch.qos.logback.classic.Level.DEBUG);
    ListAppender<ILoggingEvent> logs = new ListAppender<>();
    logs.start();
    root.addAppender(logs);
    try (MechTestEmulator emulator = MechTestEmulator.start(kind.capabilities)) {
      MechStoreConfig config = emulator.config(MechTestEmulator.newApp())
          .withResilience(new MechStoreConfig.Resilience(2, Duration.ofMillis(1), 50, 4, Duration.ofMillis(100)));
      try (MechStore store = MechStore.open(config)) {
        store.registerAgent(agent(BOB));
        emulator.mech.faults(Faults.NONE.withUnavailableRate(1));
        for (int i = 0; i < 5; i++) {
          int n = i;
          assertThatThrownBy(() -> store.enqueue(message("m-" + n, BOB), at(0))).isInstanceOf(UnavailableException.class);
        }
        emulator.mech.faults(Faults.NONE);
        assertThat(store.toString()).doesNotContain(config.apiKey());
      }
      assertThat(logs.list).isNotEmpty();
      assertThat(logs.list).allSatisfy(e -> assertThat(e.getFormattedMessage()).doesNotContain(config.apiKey()));
    } finally {
      root.detachAppender(logs);
      mechLogs.setLevel(level);
    }
  }
}
