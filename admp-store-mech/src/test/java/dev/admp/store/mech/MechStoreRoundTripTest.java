package dev.admp.store.mech;

import static dev.admp.store.StoreTestData.ALICE;
import static dev.admp.store.StoreTestData.BOB;
import static dev.admp.store.StoreTestData.agent;
import static dev.admp.store.StoreTestData.at;
import static dev.admp.store.StoreTestData.message;
import static org.assertj.core.api.Assertions.assertThat;

import dev.admp.agent.AgentId;
import dev.admp.agent.AgentUpdate;
import dev.admp.inbox.EnqueueOutcome;
import dev.admp.inbox.LeaseMatch;
import dev.admp.inbox.Message;
import dev.admp.inbox.Transition;
import dev.admp.testkit.mech.EmulatorStats;
import dev.admp.testkit.mech.MechEmulator;
import dev.admp.testkit.mech.Route;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Round trips and connections as the Mech emulator counts them, not as the store reports them. */
class MechStoreRoundTripTest {
  private static final Map<Kind, MechTestEmulator> EMULATORS = new EnumMap<>(Kind.class);

  @BeforeAll
  static void start() {
    for (Kind kind : Kind.values()) {
      EMULATORS.put(kind, MechTestEmulator.start(kind.capabilities));
    }
  }

  @AfterAll
  static void stop() {
    EMULATORS.values().forEach(MechTestEmulator::close);
  }

  /** A store with alice and bob registered and a connection open. */
  private static MechStore warmStore(MechTestEmulator emulator) {
    return warmStore(emulator, MechTestEmulator.newApp());
  }

  private static MechStore warmStore(MechTestEmulator emulator, String app) {
    MechStore store = MechStore.open(emulator.config(app));
    store.registerAgent(agent(ALICE));
    store.registerAgent(agent(BOB));
    store.checkHealth();
    return store;
  }

  /** What {@code call} cost, counted by the emulator. */
  private static <T> Measured<T> measure(MechEmulator mech, Supplier<T> call) {
    EmulatorStats before = mech.stats();
    T result = call.get();
    return new Measured<>(result, mech.stats().minus(before));
  }

  private record Measured<T>(T result, EmulatorStats cost) {}

  @ParameterizedTest
  @EnumSource(Kind.class)
  void everyVerbIsOneRequestOnAWarmStoreAndOpensNoConnection(Kind kind) {
    MechEmulator mech = EMULATORS.get(kind).mech;
    try (MechStore store = warmStore(EMULATORS.get(kind))) {
      var register = measure(mech, () -> store.registerAgent(agent(new AgentId("carol"))));
      var send = measure(mech, () -> store.enqueue(message("m-1", BOB), at(0)));
      var pull = measure(mech, () -> store.lease(BOB, 1, at(1), at(61)));
      Message leased = pull.result().getFirst();
      var extend = measure(mech, () -> store.extendLease(BOB, leased.id(), exactly(leased), Duration.ofSeconds(30), at(2)));
      var nack = measure(mech, () -> store.requeue(BOB, leased.id(), exactly(leased), at(3), at(3)));
      Message again = store.lease(BOB, 1, at(4), at(64)).getFirst();
      var ack = measure(mech, () -> store.ack(BOB, again.id(), exactly(again), at(5)));
      var heartbeat = measure(mech, () -> store.updateAgent(BOB, new AgentUpdate.Heartbeat(at(6), "{}")));

      assertThat(send.result()).isInstanceOf(EnqueueOutcome.Enqueued.class);
      assertThat(List.of(extend.result(), nack.result(), ack.result())).allMatch(t -> t instanceof Transition.Done);
      assertOneRequest(register.cost(), Route.CREATE);
      assertOneRequest(send.cost(), Route.CREATE);
      assertOneRequest(pull.cost(), Route.UPDATE);
      assertOneRequest(extend.cost(), Route.UPDATE);
      assertOneRequest(nack.cost(), Route.UPDATE);
      assertOneRequest(ack.cost(), Route.UPDATE);
      assertOneRequest(heartbeat.cost(), Route.UPDATE);
    }
  }

  private static void assertOneRequest(EmulatorStats cost, Route route) {
    assertThat(cost.totalRequests()).as("requests").isEqualTo(1);
    assertThat(cost.requests(route)).as(route + " requests").isEqualTo(1);
    assertThat(cost.connectionsAccepted()).as("connections").isZero();
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void statusAndStatsOfTouchedMessagesCostNoRequest(Kind kind) {
    MechEmulator mech = EMULATORS.get(kind).mech;
    try (MechStore store = warmStore(EMULATORS.get(kind))) {
      store.enqueue(message("m-1", BOB), at(0));
      Message leased = store.lease(BOB, 1, at(1), at(61)).getFirst();

      var status = measure(mech, () -> store.findMessage(leased.id()));
      var agent = measure(mech, () -> store.findAgent(BOB));
      var stats = measure(mech, () -> store.inboxStats(BOB));
      var hub = measure(mech, () -> store.hubStats(at(0)));

      assertThat(status.result()).contains(leased);
      assertThat(agent.result()).isPresent();
      assertThat(stats.result().leased()).isEqualTo(1);
      assertThat(hub.result().agents()).isEqualTo(2);
      assertThat(List.of(status.cost(), agent.cost(), stats.cost(), hub.cost()))
          .allSatisfy(cost -> assertThat(cost.totalRequests()).isZero());
    }
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void reclaimingAThousandExpiredLeasesIsTenBatchesOrAThousandUpdates(Kind kind) {
    MechEmulator mech = EMULATORS.get(kind).mech;
    String app = MechTestEmulator.newApp();
    try (MechStore store = warmStore(EMULATORS.get(kind), app)) {
      for (int i = 0; i < 1000; i++) {
        store.enqueue(message("m-" + i, BOB), at(0));
      }
      int leased = 0;
      for (List<Message> batch; !(batch = store.lease(BOB, 10, at(1), at(61))).isEmpty(); ) {
        leased += batch.size();
      }
      assertThat(leased).isEqualTo(1000);

      var sweep = measure(mech, () -> store.reclaimExpiredLeases(at(61), 10));

      assertThat(sweep.result().requeued()).isEqualTo(1000);
      if (kind == Kind.EXTENDED) {
        assertThat(sweep.cost().totalRequests()).isLessThanOrEqualTo(11);
        assertThat(sweep.cost().requests(Route.BATCH)).isEqualTo(10);
      } else {
        assertThat(sweep.cost().requests(Route.UPDATE)).isEqualTo(1000);
      }
      assertThat(sweep.cost().requests(Route.LIST) + sweep.cost().requests(Route.GET)).isZero();
      assertThat(store.inboxStats(BOB).queued()).isEqualTo(1000);
      assertThat(mech.document(app, MessageDocument.COLLECTION, "m-999"))
          .hasValueSatisfying(doc -> assertThat(doc.path("state").asText()).isEqualTo("queued"));
    }
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void aThousandConcurrentOperationsOpenNoMoreConnectionsThanThePoolOverHttp11(Kind kind) throws Exception {
    MechEmulator.Options options = MechEmulator.Options.defaults().withTls().withCapabilities(kind.capabilities)
        .withProtocols(MechEmulator.Protocols.HTTP_1_1);
    try (MechTestEmulator emulator = MechTestEmulator.start(options);
        MechStore store = MechStore.open(emulator.config(MechTestEmulator.newApp()).withMaxConcurrentCalls(4));
        ExecutorService callers = Executors.newFixedThreadPool(16)) {
      List<Future<?>> work = new ArrayList<>();
      for (int t = 0; t < 16; t++) {
        int thread = t;
        work.add(callers.submit(() -> {
          AgentId inbox = new AgentId("agent-" + thread);
          store.registerAgent(agent(inbox));
          for (int i = 0; i < 21; i++) {
            store.enqueue(message("m-" + thread + "-" + i, inbox), at(0));
            Message m = store.lease(inbox, 1, at(1), at(61)).getFirst();
            store.ack(inbox, m.id(), exactly(m), at(2));
          }
        }));
      }
      for (Future<?> f : work) {
        f.get();
      }

      // 16 registrations and 16 × 21 × (send, pull, ack): over a thousand operations.
      assertThat(emulator.mech.stats().totalRequests()).isGreaterThanOrEqualTo(16 + 16 * 21 * 3);
      assertThat(emulator.mech.stats().connectionsAccepted()).isBetween(1L, 4L);
      assertThat(store.counters().connectionsOpened()).isEqualTo(emulator.mech.stats().connectionsAccepted());
      assertThat(store.counters().roundTrips()).isEqualTo(emulator.mech.stats().totalRequests());
    }
  }

  private static LeaseMatch exactly(Message leased) {
    return new LeaseMatch.Exactly(leased.lease().orElseThrow().id());
  }
}
