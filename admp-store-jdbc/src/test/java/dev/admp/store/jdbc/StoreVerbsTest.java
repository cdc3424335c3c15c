package dev.admp.store.jdbc;

import static dev.admp.store.jdbc.Fixtures.T0;
import static dev.admp.store.jdbc.Fixtures.agent;
import static dev.admp.store.jdbc.Fixtures.id;
import static dev.admp.store.jdbc.Fixtures.message;
import static dev.admp.store.jdbc.Fixtures.withoutDedupKey;
import static org.assertj.core.api.Assertions.assertThat;

import dev.admp.agent.Agent;
import dev.admp.agent.AgentUpdate;
import dev.admp.agent.Registration;
import dev.admp.agent.Webhook;
import dev.admp.inbox.EnqueueOutcome;
import dev.admp.inbox.InboxStats;
import dev.admp.inbox.LeaseId;
import dev.admp.inbox.LeaseMatch;
import dev.admp.inbox.Message;
import dev.admp.inbox.MessageId;
import dev.admp.inbox.MessageState;
import dev.admp.inbox.NewMessage;
import dev.admp.inbox.Transition;
import dev.admp.store.HubStats;
import dev.admp.store.ReclaimReport;
import dev.admp.store.StoreCounters;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every verb of the SQL store against a real database, each one costing exactly one round
 * trip. Subclasses give the database.
 */
abstract class StoreVerbsTest {
  private static final Instant LEASE_END = T0.plusSeconds(60);

  protected JdbcStore store;

  /** A store on an empty database. */
  protected abstract JdbcStore openStore();

  @BeforeEach
  void open() {
    store = openStore();
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  /** Runs {@code verb} and checks it sent exactly one statement and opened no connection. */
  private <T> T oneRoundTrip(Supplier<T> verb) {
    return oneRoundTrip(store, verb);
  }

  private static <T> T oneRoundTrip(JdbcStore on, Supplier<T> verb) {
    StoreCounters before = on.counters();
    T result = verb.get();
    assertThat(on.counters().minus(before)).isEqualTo(new StoreCounters(1, 0));
    return result;
  }

  private Message enqueued(NewMessage m) {
    return ((EnqueueOutcome.Enqueued) store.enqueue(m, T0)).message();
  }

  // ---- agents

  @Test
  void registerCreatesTheAgentInOneRoundTrip() {
    Agent alice = agent("agent://alice");
    assertThat(oneRoundTrip(() -> store.registerAgent(alice))).isEqualTo(new Registration.Registered(alice));
  }

  @Test
  void registeringATakenIdIsAlreadyExistsAndKeepsTheFirst() {
    store.registerAgent(agent("agent://bob"));
    Agent impostor = agent("bob");
    assertThat(oneRoundTrip(() -> store.registerAgent(impostor)))
        .isEqualTo(new Registration.AlreadyExists(id("bob")));
    assertThat(store.findAgent(id("bob")).orElseThrow().registeredAs()).isEqualTo("agent://bob");
  }

  @Test
  void findAgentReadsTheDatabaseOnceThenServesFromCache() {
    store.registerAgent(agent("carol"));
    JdbcStore other = openSecondStoreOnSameDatabase();
    try {
      Agent first = oneRoundTrip(other, () -> other.findAgent(id("carol")).orElseThrow());
      StoreCounters before = other.counters();
      assertThat(other.findAgent(id("carol"))).contains(first);
      assertThat(other.counters().minus(before)).isEqualTo(StoreCounters.ZERO);
    } finally {
      other.close();
    }
  }

  @Test
  void registeredAgentIsCachedSoSendReadsNothing() {
    Agent dave = agent("dave");
    store.registerAgent(dave);
    StoreCounters before = store.counters();
    assertThat(store.findAgent(id("dave"))).contains(dave);
    assertThat(store.counters().minus(before)).isEqualTo(StoreCounters.ZERO);
  }

  @Test
  void unknownAgentIsNotFound() {
    assertThat(oneRoundTrip(() -> store.findAgent(id("nobody")))).isEmpty();
  }

  @Test
  void agentRoundTripsEveryField() {
    Agent full = new Agent(id("erin"), "agent://erin", "worker", agent("x").publicKey(), "{\"z\":[1,2]}",
        Optional.of(new Webhook("https://example.test/hook", "s3cret")), List.of(id("alice"), id("bob")),
        T0, T0.plusMillis(1234));
    store.registerAgent(full);
    assertThat(findOnSecondStore(id("erin"))).contains(full);
  }

  @Test
  void updatesApplyInOneRoundTripAndAreSeenAtOnce() {
    store.registerAgent(agent("fay"));
    Instant later = T0.plusSeconds(30);
    oneRoundTrip(() -> store.updateAgent(id("fay"), new AgentUpdate.Heartbeat(later, "{\"v\":2}")));
    oneRoundTrip(() -> store.updateAgent(id("fay"), new AgentUpdate.TrustedAgents(List.of(id("gus")))));
    Webhook hook = new Webhook("http://localhost/hook", "k");
    Agent updated = oneRoundTrip(() -> store.updateAgent(id("fay"), new AgentUpdate.SetWebhook(hook))).orElseThrow();

    assertThat(updated.lastHeartbeat()).isEqualTo(later);
    assertThat(updated.metadataJson()).isEqualTo("{\"v\":2}");
    assertThat(updated.trusted()).containsExactly(id("gus"));
    assertThat(updated.webhook()).contains(hook);
    assertThat(store.findAgent(id("fay"))).contains(updated);
    assertThat(findOnSecondStore(id("fay"))).contains(updated);

    Agent cleared = store.updateAgent(id("fay"), new AgentUpdate.ClearWebhook()).orElseThrow();
    assertThat(cleared.webhook()).isEmpty();
  }

  @Test
  void updatingAnUnknownAgentIsEmpty() {
    assertThat(oneRoundTrip(() -> store.updateAgent(id("ghost"), new AgentUpdate.ClearWebhook()))).isEmpty();
  }

  @Test
  void deleteRemovesTheAgentAndItsInboxInOneRoundTrip() {
    store.registerAgent(agent("hal"));
    store.enqueue(message("m-1", "ivy", "hal"), T0);
    store.enqueue(message("m-2", "hal", "ivy"), T0);

    assertThat(oneRoundTrip(() -> store.deleteAgent(id("hal")))).isTrue();

    assertThat(store.findAgent(id("hal"))).isEmpty();
    assertThat(store.findMessage(new MessageId("m-1"))).isEmpty();
    assertThat(store.findMessage(new MessageId("m-2"))).isPresent();
    assertThat(store.deleteAgent(id("hal"))).isFalse();
  }

  // ---- enqueue

  @Test
  void enqueueStoresAQueuedMessageInOneRoundTrip() {
    NewMessage m = message("m-1", "alice", "bob");
    assertThat(oneRoundTrip(() -> store.enqueue(m, T0))).isEqualTo(new EnqueueOutcome.Enqueued(Message.queued(m, T0)));
    assertThat(store.findMessage(m.id())).contains(Message.queued(m, T0));
  }

  @Test
  void sameDedupKeyIsADuplicateReturningTheFirstInOneRoundTrip() {
    Message first = enqueued(message("m-1", "alice", "bob"));
    NewMessage again = new NewMessage(new MessageId("m-other"), id("alice"), id("bob"), "{\"again\":1}",
        first.dedupKey(), T0.plusSeconds(5));
    assertThat(oneRoundTrip(() -> store.enqueue(again, T0.plusSeconds(1))))
        .isEqualTo(new EnqueueOutcome.Duplicate(first));
    assertThat(store.findMessage(new MessageId("m-other"))).isEmpty();
  }

  @Test
  void exactRepeatIsADuplicate() {
    Message first = enqueued(message("m-1", "alice", "bob"));
    assertThat(oneRoundTrip(() -> store.enqueue(message("m-1", "alice", "bob"), T0)))
        .isEqualTo(new EnqueueOutcome.Duplicate(first));
  }

  @Test
  void idTakenByAnotherMessageIsAnIdConflictInOneRoundTrip() {
    Message first = enqueued(message("m-1", "alice", "bob"));
    assertThat(oneRoundTrip(() -> store.enqueue(message("m-1", "carol", "bob"), T0)))
        .isEqualTo(new EnqueueOutcome.IdConflict(new MessageId("m-1")));
    assertThat(store.findMessage(new MessageId("m-1"))).contains(first);
  }

  @Test
  void idTakenWithoutDedupKeyIsAnIdConflict() {
    enqueued(withoutDedupKey("m-1", "alice", "bob"));
    assertThat(store.enqueue(withoutDedupKey("m-1", "alice", "bob"), T0))
        .isEqualTo(new EnqueueOutcome.IdConflict(new MessageId("m-1")));
  }

  @Test
  void messagesWithoutDedupKeyNeverCollideByKey() {
    enqueued(withoutDedupKey("m-1", "alice", "bob"));
    assertThat(store.enqueue(withoutDedupKey("m-2", "alice", "bob"), T0)).isInstanceOf(EnqueueOutcome.Enqueued.class);
  }

  // ---- lease

  @Test
  void leaseTakesTheOldestVisibleMessagesInArrivalOrderInOneRoundTrip() {
    enqueued(message("m-1", "alice", "bob"));
    store.enqueue(message("m-2", "alice", "bob"), T0.plusMillis(1));
    store.enqueue(message("m-3", "alice", "bob"), T0.plusMillis(1));
    store.enqueue(message("m-x", "alice", "carol"), T0);

    List<Message> leased = oneRoundTrip(() -> store.lease(id("bob"), 2, T0.plusSeconds(1), LEASE_END));

    assertThat(leased).extracting(m -> m.id().value()).containsExactly("m-1", "m-2");
    assertThat(leased).allSatisfy(m -> {
      assertThat(m.state()).isEqualTo(MessageState.LEASED);
      assertThat(m.attempts()).isEqualTo(1);
      assertThat(m.lease().orElseThrow().until()).isEqualTo(LEASE_END);
      assertThat(m.updatedAt()).isEqualTo(T0.plusSeconds(1));
    });
    assertThat(leased.get(0).lease().orElseThrow().id()).isNotEqualTo(leased.get(1).lease().orElseThrow().id());
    assertThat(store.lease(id("bob"), 10, T0.plusSeconds(1), LEASE_END)).extracting(m -> m.id().value())
        .containsExactly("m-3");
    assertThat(oneRoundTrip(() -> store.lease(id("bob"), 10, T0.plusSeconds(1), LEASE_END))).isEmpty();
  }

  @Test
  void leaseSkipsMessagesNotYetVisibleOrPastTheirTtl() {
    enqueued(message("m-1", "alice", "bob"));
    Message m = store.lease(id("bob"), 1, T0, LEASE_END).getFirst();
    store.requeue(id("bob"), m.id(), LeaseMatch.any(), T0.plusSeconds(30), T0);
    NewMessage shortLived = new NewMessage(new MessageId("m-2"), id("alice"), id("bob"), "{}", Optional.empty(),
        T0.plusSeconds(10));
    store.enqueue(shortLived, T0);

    assertThat(store.lease(id("bob"), 10, T0.plusSeconds(10), LEASE_END)).isEmpty();
    assertThat(store.lease(id("bob"), 10, T0.plusSeconds(30), LEASE_END)).extracting(x -> x.id().value())
        .containsExactly("m-1");
  }

  // ---- transitions

  @Test
  void ackOfTheHeldLeaseIsDoneInOneRoundTrip() {
    enqueued(message("m-1", "alice", "bob"));
    Message leased = store.lease(id("bob"), 1, T0, LEASE_END).getFirst();
    Instant now = T0.plusSeconds(2);

    Transition t = oneRoundTrip(() -> store.ack(id("bob"), leased.id(), new LeaseMatch.Exactly(leased.lease().orElseThrow().id()), now));

    assertThat(t).isEqualTo(new Transition.Done(leased.acked(now)));
    assertThat(store.findMessage(leased.id())).contains(leased.acked(now));
  }

  @Test
  void refusedTransitionsTellWhyInOneRoundTrip() {
    enqueued(message("m-1", "alice", "bob"));
    MessageId m1 = new MessageId("m-1");
    assertThat(oneRoundTrip(() -> store.ack(id("bob"), m1, LeaseMatch.any(), T0)))
        .isEqualTo(new Transition.WrongState(m1, MessageState.QUEUED));
    store.lease(id("bob"), 1, T0, LEASE_END);
    assertThat(oneRoundTrip(() -> store.ack(id("mallory"), m1, LeaseMatch.any(), T0)))
        .isEqualTo(new Transition.NotOwner(m1));
    assertThat(oneRoundTrip(() -> store.ack(id("bob"), m1, new LeaseMatch.Exactly(new LeaseId("stale")), T0)))
        .isEqualTo(new Transition.LeaseLost(m1));
    MessageId none = new MessageId("none");
    assertThat(oneRoundTrip(() -> store.ack(id("bob"), none, LeaseMatch.any(), T0)))
        .isEqualTo(new Transition.NotFound(none));
    assertThat(store.findMessage(m1).orElseThrow().state()).isEqualTo(MessageState.LEASED);
  }

  @Test
  void secondAckIsWrongStateAcked() {
    enqueued(message("m-1", "alice", "bob"));
    store.lease(id("bob"), 1, T0, LEASE_END);
    MessageId m1 = new MessageId("m-1");
    assertThat(store.ack(id("bob"), m1, LeaseMatch.any(), T0)).isInstanceOf(Transition.Done.class);
    assertThat(store.ack(id("bob"), m1, LeaseMatch.any(), T0)).isEqualTo(new Transition.WrongState(m1, MessageState.ACKED));
  }

  @Test
  void requeueMakesTheMessageVisibleAgainFromTheGivenTimeInOneRoundTrip() {
    enqueued(message("m-1", "alice", "bob"));
    Message leased = store.lease(id("bob"), 1, T0, LEASE_END).getFirst();
    Instant visible = T0.plusSeconds(5);

    Transition t = oneRoundTrip(() -> store.requeue(id("bob"), leased.id(), LeaseMatch.any(), visible, T0.plusSeconds(1)));

    assertThat(t).isEqualTo(new Transition.Done(leased.requeued(visible, T0.plusSeconds(1))));
    assertThat(store.lease(id("bob"), 1, T0.plusSeconds(4), LEASE_END)).isEmpty();
    Message again = store.lease(id("bob"), 1, visible, LEASE_END).getFirst();
    assertThat(again.attempts()).isEqualTo(2);
  }

  @Test
  void extendCountsFromTheLaterOfNowAndTheLeaseEndInOneRoundTrip() {
    enqueued(message("m-1", "alice", "bob"));
    Message leased = store.lease(id("bob"), 1, T0, LEASE_END).getFirst();
    Duration ext = Duration.ofSeconds(30);

    Transition early = oneRoundTrip(() -> store.extendLease(id("bob"), leased.id(), LeaseMatch.any(), ext, T0.plusSeconds(1)));
    assertThat(((Transition.Done) early).message().lease().orElseThrow())
        .isEqualTo(new dev.admp.inbox.Lease(leased.lease().orElseThrow().id(), LEASE_END.plus(ext)));

    Instant late = LEASE_END.plusSeconds(100);
    Transition afterEnd = store.extendLease(id("bob"), leased.id(), LeaseMatch.any(), ext, late);
    assertThat(((Transition.Done) afterEnd).message().lease().orElseThrow().until()).isEqualTo(late.plus(ext));
    assertThat(((Transition.Done) afterEnd).message().state()).isEqualTo(MessageState.LEASED);
  }

  // ---- stats

  @Test
  void inboxStatsCountByStateInOneRoundTrip() {
    enqueued(message("m-1", "alice", "bob"));
    enqueued(message("m-2", "alice", "bob"));
    enqueued(message("m-3", "alice", "bob"));
    enqueued(message("m-4", "alice", "carol"));
    store.lease(id("bob"), 2, T0, LEASE_END);
    store.ack(id("bob"), new MessageId("m-1"), LeaseMatch.any(), T0);

    assertThat(oneRoundTrip(() -> store.inboxStats(id("bob")))).isEqualTo(new InboxStats(1, 1, 1, 0, 0));
    assertThat(store.inboxStats(id("nobody"))).isEqualTo(InboxStats.EMPTY);
  }

  @Test
  void hubStatsCountAgentsOnlineAgentsAndMessagesInOneRoundTrip() {
    store.registerAgent(agent("alice"));
    store.registerAgent(agent("bob"));
    store.updateAgent(id("bob"), new AgentUpdate.Heartbeat(T0.plusSeconds(100), "{}"));
    enqueued(message("m-1", "alice", "bob"));
    enqueued(message("m-2", "alice", "bob"));
    store.lease(id("bob"), 1, T0, LEASE_END);

    HubStats stats = oneRoundTrip(() -> store.hubStats(T0.plusSeconds(50)));

    assertThat(stats).isEqualTo(new HubStats(2, 1, new InboxStats(1, 1, 0, 0, 0)));
  }

  // ---- sweeps

  @Test
  void reclaimRequeuesEndedLeasesAndBuriesExhaustedOnesInOneRoundTrip() {
    enqueued(message("m-1", "alice", "bob"));
    enqueued(message("m-2", "alice", "bob"));
    enqueued(message("m-3", "alice", "bob"));
    store.lease(id("bob"), 1, T0, T0.plusSeconds(10));
    store.lease(id("bob"), 1, T0, T0.plusSeconds(20));
    store.lease(id("bob"), 1, T0, T0.plusSeconds(99));
    store.requeue(id("bob"), new MessageId("m-2"), LeaseMatch.any(), T0, T0);
    store.lease(id("bob"), 1, T0, T0.plusSeconds(20)); // m-2 again: 2 attempts

    ReclaimReport report = oneRoundTrip(() -> store.reclaimExpiredLeases(T0.plusSeconds(20), 2));

    assertThat(report).isEqualTo(new ReclaimReport(1, 1));
    Message m1 = store.findMessage(new MessageId("m-1")).orElseThrow();
    assertThat(m1.state()).isEqualTo(MessageState.QUEUED);
    assertThat(m1.lease()).isEmpty();
    assertThat(m1.visibleAt()).isEqualTo(T0.plusSeconds(20));
    assertThat(store.findMessage(new MessageId("m-2")).orElseThrow().state()).isEqualTo(MessageState.DEAD);
    assertThat(store.findMessage(new MessageId("m-3")).orElseThrow().state()).isEqualTo(MessageState.LEASED);
  }

  @Test
  void reclaimOfOneInboxLeavesOthersInOneRoundTrip() {
    enqueued(message("m-1", "alice", "bob"));
    enqueued(message("m-2", "alice", "carol"));
    store.lease(id("bob"), 1, T0, T0.plusSeconds(10));
    store.lease(id("carol"), 1, T0, T0.plusSeconds(10));

    assertThat(oneRoundTrip(() -> store.reclaimExpiredLeases(id("bob"), T0.plusSeconds(10), 10)))
        .isEqualTo(new ReclaimReport(1, 0));
    assertThat(store.findMessage(new MessageId("m-2")).orElseThrow().state()).isEqualTo(MessageState.LEASED);
  }

  @Test
  void expireEndsQueuedAndLeasedMessagesPastTheirTtlInOneRoundTrip() {
    enqueued(message("m-1", "alice", "bob"));
    enqueued(message("m-2", "alice", "bob"));
    store.enqueue(new NewMessage(new MessageId("m-3"), id("alice"), id("bob"), "{}", Optional.empty(),
        T0.plus(Fixtures.TTL).plusSeconds(1)), T0);
    store.lease(id("bob"), 1, T0, T0.plus(Fixtures.TTL).plusSeconds(60));
    Instant end = T0.plus(Fixtures.TTL);

    assertThat(oneRoundTrip(() -> store.expireMessages(end))).isEqualTo(2);

    Message m1 = store.findMessage(new MessageId("m-1")).orElseThrow();
    assertThat(m1.state()).isEqualTo(MessageState.EXPIRED);
    assertThat(m1.lease()).isEmpty();
    assertThat(m1.updatedAt()).isEqualTo(end);
    assertThat(store.findMessage(new MessageId("m-3")).orElseThrow().state()).isEqualTo(MessageState.QUEUED);
  }

  @Test
  void purgeDeletesFinishedMessagesOlderThanTheCutoffInOneRoundTrip() {
    enqueued(message("m-1", "alice", "bob"));
    enqueued(message("m-2", "alice", "bob"));
    enqueued(message("m-3", "alice", "bob"));
    store.lease(id("bob"), 2, T0, LEASE_END);
    store.ack(id("bob"), new MessageId("m-1"), LeaseMatch.any(), T0.plusSeconds(1));
    store.ack(id("bob"), new MessageId("m-2"), LeaseMatch.any(), T0.plusSeconds(5));

    assertThat(oneRoundTrip(() -> store.purgeFinished(T0.plusSeconds(1)))).isEqualTo(1);

    assertThat(store.findMessage(new MessageId("m-1"))).isEmpty();
    assertThat(store.findMessage(new MessageId("m-2"))).isPresent();
    assertThat(store.findMessage(new MessageId("m-3"))).isPresent();
  }

  // ---- operations

  @Test
  void warmStoreOpensNoConnections() {
    store.registerAgent(agent("alice"));
    StoreCounters before = store.counters();
    for (int i = 0; i < 50; i++) {
      store.enqueue(message("m-" + i, "alice", "bob"), T0);
      Message m = store.lease(id("bob"), 1, T0, LEASE_END).getFirst();
      store.ack(id("bob"), m.id(), LeaseMatch.any(), T0);
    }
    assertThat(store.counters().minus(before)).isEqualTo(new StoreCounters(150, 0));
  }

  @Test
  void healthCheckIsOneRoundTrip() {
    oneRoundTrip(() -> {
      store.checkHealth();
      return null;
    });
  }

  @Test
  void nameIsTheDialect() {
    assertThat(store.name()).isEqualTo(expectedName());
  }

  protected abstract String expectedName();

  /** A second store (another node, or a reopened file) on the same database as {@link #store}. */
  protected abstract JdbcStore openSecondStoreOnSameDatabase();

  private Optional<Agent> findOnSecondStore(dev.admp.agent.AgentId id) {
    try (JdbcStore other = openSecondStoreOnSameDatabase()) {
      return other.findAgent(id);
    }
  }
}
