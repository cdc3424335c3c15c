package dev.admp.store;

import static dev.admp.store.StoreTestData.ALICE;
import static dev.admp.store.StoreTestData.BOB;
import static dev.admp.store.StoreTestData.agent;
import static dev.admp.store.StoreTestData.at;
import static dev.admp.store.StoreTestData.expiring;
import static dev.admp.store.StoreTestData.message;
import static org.assertj.core.api.Assertions.assertThat;

import dev.admp.agent.AgentId;
import dev.admp.agent.AgentUpdate;
import dev.admp.agent.Registration;
import dev.admp.inbox.EnqueueOutcome;
import dev.admp.inbox.LeaseMatch;
import dev.admp.inbox.Message;
import dev.admp.inbox.Transition;
import dev.admp.store.StoreContractTest.Verb;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The round-trip budget of {@code DESIGN.md}: on a warm store each verb costs at most its budget
 * of storage round trips and opens no connection. The measured call must also do its work, so a
 * store cannot meet the budget by answering from a stale cache.
 */
public interface RoundTripContract extends StoreContract {

  /** The most round trips {@code verb} may cost; see {@link StoreContractTest#roundTripBudget}. */
  int roundTripBudget(Verb verb);

  @ParameterizedTest
  @EnumSource(Verb.class)
  default void verbStaysWithinItsRoundTripBudgetAndOpensNoConnection(Verb verb) {
    store().checkHealth();
    given(ALICE, BOB);
    Runnable call = prepare(verb);

    StoreCounters before = store().counters();
    call.run();
    StoreCounters used = store().counters().minus(before);

    assertThat(used.roundTrips()).as("round trips of " + verb).isLessThanOrEqualTo(roundTripBudget(verb));
    assertThat(used.connectionsOpened()).as("connections opened by " + verb).isZero();
  }

  /** Sets up what {@code verb} needs and returns the one call to measure, which checks its own result. */
  private Runnable prepare(Verb verb) {
    return switch (verb) {
      case REGISTER -> () -> assertThat(store().registerAgent(agent(new AgentId("dave"))))
          .isInstanceOf(Registration.Registered.class);
      case FIND_AGENT -> () -> assertThat(store().findAgent(BOB)).isPresent();
      case UPDATE_AGENT -> () -> assertThat(store().updateAgent(BOB, new AgentUpdate.Heartbeat(at(5), "{}")))
          .hasValueSatisfying(a -> assertThat(a.lastHeartbeat()).isEqualTo(at(5)));
      case ENQUEUE -> () -> assertThat(store().enqueue(message("m-1", BOB), at(0)))
          .isInstanceOf(EnqueueOutcome.Enqueued.class);
      case LEASE_ONE -> {
        enqueued(message("m-1", BOB), at(0));
        yield () -> assertThat(store().lease(BOB, 1, at(1), at(61))).hasSize(1);
      }
      case LEASE_BATCH -> {
        for (int i = 0; i < 5; i++) {
          enqueued(message("m-" + i, BOB), at(0));
        }
        yield () -> assertThat(store().lease(BOB, 10, at(1), at(61))).hasSize(5);
      }
      case ACK -> {
        Message leased = leased();
        yield () -> assertThat(store().ack(BOB, leased.id(), exactly(leased), at(2))).isInstanceOf(Transition.Done.class);
      }
      case REQUEUE -> {
        Message leased = leased();
        yield () -> assertThat(store().requeue(BOB, leased.id(), exactly(leased), at(2), at(2)))
            .isInstanceOf(Transition.Done.class);
      }
      case EXTEND -> {
        Message leased = leased();
        yield () -> assertThat(store().extendLease(BOB, leased.id(), exactly(leased), Duration.ofSeconds(30), at(2)))
            .isInstanceOf(Transition.Done.class);
      }
      case FIND_MESSAGE -> {
        Message leased = leased();
        yield () -> assertThat(store().findMessage(leased.id())).contains(leased);
      }
      case INBOX_STATS -> {
        leased();
        yield () -> assertThat(store().inboxStats(BOB).leased()).isEqualTo(1);
      }
      case HUB_STATS -> {
        leased();
        yield () -> assertThat(store().hubStats(at(0)).messages().leased()).isEqualTo(1);
      }
      case RECLAIM -> {
        leasedThree();
        yield () -> assertThat(store().reclaimExpiredLeases(at(100), 10).requeued()).isEqualTo(3);
      }
      case RECLAIM_INBOX -> {
        leasedThree();
        yield () -> assertThat(store().reclaimExpiredLeases(BOB, at(100), 10).requeued()).isEqualTo(3);
      }
      case EXPIRE -> {
        for (int i = 0; i < 3; i++) {
          enqueued(expiring("m-" + i, BOB, at(10)), at(0));
        }
        yield () -> assertThat(store().expireMessages(at(10))).isEqualTo(3);
      }
      case PURGE -> {
        leasedThree();
        store().reclaimExpiredLeases(at(100), 1);
        yield () -> assertThat(store().purgeFinished(at(100))).isEqualTo(3);
      }
    };
  }

  private Message leased() {
    enqueued(message("m-1", BOB), at(0));
    return leasedOne(BOB, at(1), at(61));
  }

  private void leasedThree() {
    for (int i = 0; i < 3; i++) {
      enqueued(message("m-" + i, BOB), at(0));
    }
    assertThat(store().lease(BOB, 3, at(1), at(61))).hasSize(3);
  }

  private static LeaseMatch exactly(Message leased) {
    return new LeaseMatch.Exactly(leased.lease().orElseThrow().id());
  }
}
