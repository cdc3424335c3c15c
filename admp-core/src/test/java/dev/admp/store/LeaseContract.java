package dev.admp.store;

import static dev.admp.store.StoreTestData.BOB;
import static dev.admp.store.StoreTestData.CAROL;
import static dev.admp.store.StoreTestData.at;
import static dev.admp.store.StoreTestData.expiring;
import static dev.admp.store.StoreTestData.message;
import static org.assertj.core.api.Assertions.assertThat;

import dev.admp.agent.AgentId;
import dev.admp.inbox.Lease;
import dev.admp.inbox.Message;
import dev.admp.inbox.MessageId;
import dev.admp.inbox.MessageState;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Lease: the oldest visible messages of one inbox, in arrival order, each with a fresh lease. */
public interface LeaseContract extends StoreContract {

  private static List<String> ids(List<Message> messages) {
    return messages.stream().map(Message::id).map(MessageId::value).toList();
  }

  private void enqueueAll(AgentId inbox, String... ids) {
    for (int i = 0; i < ids.length; i++) {
      enqueued(message(ids[i], inbox), at(i));
    }
  }

  @Test
  default void leaseTakesTheOldestVisibleMessagesInArrivalOrder() {
    enqueueAll(BOB, "m-3", "m-1", "m-2");

    assertThat(ids(store().lease(BOB, 10, at(10), at(70)))).containsExactly("m-3", "m-1", "m-2");
  }

  @Test
  default void messagesThatArriveAtTheSameInstantLeaseInArrivalOrder() {
    for (String id : List.of("m-b", "m-c", "m-a")) {
      enqueued(message(id, BOB), at(0));
    }

    assertThat(ids(store().lease(BOB, 10, at(1), at(61)))).containsExactly("m-b", "m-c", "m-a");
  }

  @Test
  default void leaseTakesAtMostMaxMessages() {
    enqueueAll(BOB, "m-1", "m-2", "m-3", "m-4", "m-5");

    assertThat(ids(store().lease(BOB, 2, at(10), at(70)))).containsExactly("m-1", "m-2");
    assertThat(ids(store().lease(BOB, 2, at(10), at(70)))).containsExactly("m-3", "m-4");
  }

  @Test
  default void leasedMessageHasANewLeaseUntilTheGivenTimeAndOneMoreAttempt() {
    Message queued = enqueued(message("m-1", BOB), at(0));

    Message leased = leasedOne(BOB, at(10), at(70));

    assertThat(leased.state()).isEqualTo(MessageState.LEASED);
    assertThat(leased.attempts()).isEqualTo(1);
    assertThat(leased.lease().map(Lease::until)).contains(at(70));
    assertThat(leased.updatedAt()).isEqualTo(at(10));
    assertThat(leased).usingRecursiveComparison().ignoringFields("state", "attempts", "lease", "updatedAt").isEqualTo(queued);
    assertThat(stored(leased)).isEqualTo(leased);
  }

  @Test
  default void eachLeaseOfAMessageHasAnotherLeaseId() {
    enqueued(message("m-1", BOB), at(0));
    Message first = leasedOne(BOB, at(10), at(70));
    requeued(first, at(20), at(20));

    Message second = leasedOne(BOB, at(20), at(80));

    assertThat(second.attempts()).isEqualTo(2);
    assertThat(second.lease().orElseThrow().id()).isNotEqualTo(first.lease().orElseThrow().id());
  }

  @Test
  default void leasingAnEmptyOrUnknownInboxReturnsNothing() {
    given(BOB);

    assertThat(store().lease(BOB, 10, at(0), at(60))).isEmpty();
    assertThat(store().lease(new AgentId("nobody"), 10, at(0), at(60))).isEmpty();
  }

  @Test
  default void leaseTakesOnlyFromTheNamedInbox() {
    Message toCarol = enqueued(message("m-1", CAROL), at(0));
    enqueued(message("m-2", BOB), at(1));

    assertThat(ids(store().lease(BOB, 10, at(5), at(65)))).containsExactly("m-2");
    assertThat(stored(toCarol)).isEqualTo(toCarol);
  }

  @Test
  default void leasedMessagesAreNotLeasedAgain() {
    enqueueAll(BOB, "m-1", "m-2");
    leasedOne(BOB, at(5), at(65));

    assertThat(ids(store().lease(BOB, 10, at(6), at(66)))).containsExactly("m-2");
    assertThat(store().lease(BOB, 10, at(7), at(67))).isEmpty();
  }

  @Test
  default void requeuedMessageComesBeforeLaterArrivals() {
    enqueueAll(BOB, "m-1", "m-2", "m-3");
    requeued(leasedOne(BOB, at(5), at(65)), at(6), at(6));

    assertThat(ids(store().lease(BOB, 10, at(6), at(66)))).containsExactly("m-1", "m-2", "m-3");
  }

  @Test
  default void delayedMessageIsSkippedUntilVisibleAndThenKeepsItsArrivalPosition() {
    enqueueAll(BOB, "m-1", "m-2", "m-3");
    requeued(leasedOne(BOB, at(5), at(65)), at(60), at(6));

    assertThat(ids(store().lease(BOB, 1, at(59), at(119)))).containsExactly("m-2");
    assertThat(ids(store().lease(BOB, 10, at(60), at(120)))).containsExactly("m-1", "m-3");
  }

  @Test
  default void leaseSkipsMessagesAtOrPastTheirTtlAndLeavesThemQueued() {
    Message stale = enqueued(expiring("m-1", BOB, at(10)), at(0));
    enqueued(expiring("m-2", BOB, at(100)), at(1));

    assertThat(ids(store().lease(BOB, 10, at(10), at(70)))).containsExactly("m-2");
    assertThat(stored(stale)).isEqualTo(stale);
  }
}
