package dev.admp.store;

import static dev.admp.store.StoreTestData.ALICE;
import static dev.admp.store.StoreTestData.BOB;
import static dev.admp.store.StoreTestData.at;
import static dev.admp.store.StoreTestData.message;
import static org.assertj.core.api.Assertions.assertThat;

import dev.admp.agent.AgentId;
import dev.admp.inbox.Lease;
import dev.admp.inbox.LeaseMatch;
import dev.admp.inbox.Message;
import dev.admp.inbox.MessageId;
import dev.admp.inbox.MessageState;
import dev.admp.inbox.Transition;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Ack, requeue and extend: conditional transitions of a leased message that either apply or say
 * why not, and change nothing when they do not apply.
 */
public interface TransitionContract extends StoreContract {

  /** The three transitions, so each refusal is stated once for all of them. */
  enum Change {
    ACK, REQUEUE, EXTEND;

    Transition apply(Store store, AgentId owner, MessageId id, LeaseMatch lease, Instant now) {
      return switch (this) {
        case ACK -> store.ack(owner, id, lease, now);
        case REQUEUE -> store.requeue(owner, id, lease, now, now);
        case EXTEND -> store.extendLease(owner, id, lease, Duration.ofSeconds(30), now);
      };
    }
  }

  private Message leased() {
    enqueued(message("m-1", BOB), at(0));
    return leasedOne(BOB, at(10), at(70));
  }

  private static LeaseMatch exactly(Message leased) {
    return new LeaseMatch.Exactly(leased.lease().orElseThrow().id());
  }

  @Test
  default void ackMakesALeasedMessageAckedAndEndsItsLease() {
    Message leased = leased();

    Message acked = done(store().ack(BOB, leased.id(), exactly(leased), at(20)));

    assertThat(acked).isEqualTo(leased.acked(at(20)));
    assertThat(acked.ackedAt()).contains(at(20));
    assertThat(stored(acked)).isEqualTo(acked);
  }

  @Test
  default void requeueMakesALeasedMessageQueuedAndVisibleFromTheGivenTime() {
    Message leased = leased();

    Message requeued = done(store().requeue(BOB, leased.id(), exactly(leased), at(90), at(20)));

    assertThat(requeued).isEqualTo(leased.requeued(at(90), at(20)));
    assertThat(requeued.attempts()).isEqualTo(1);
    assertThat(stored(requeued)).isEqualTo(requeued);
  }

  @Test
  default void extendLeaseExtendsFromLeaseUntilWhileTheLeaseHolds() {
    Message leased = leased();

    Message extended = done(store().extendLease(BOB, leased.id(), exactly(leased), Duration.ofSeconds(30), at(20)));

    assertThat(extended).isEqualTo(leased.withLease(new Lease(leased.lease().orElseThrow().id(), at(100)), at(20)));
    assertThat(stored(extended)).isEqualTo(extended);
  }

  @Test
  default void extendLeaseExtendsFromNowOnceTheLeaseHasEnded() {
    Message leased = leased();

    Message extended = done(store().extendLease(BOB, leased.id(), exactly(leased), Duration.ofSeconds(30), at(100)));

    assertThat(extended.lease().map(Lease::until)).contains(at(130));
  }

  @Test
  default void aLeaseThatEndedButWasNotReclaimedStillAllowsEveryTransition() {
    for (Change change : Change.values()) {
      Message leased = enqueuedAndLeased("m-" + change);

      assertThat(change.apply(store(), BOB, leased.id(), exactly(leased), at(1_000)))
          .as(change.name()).isInstanceOf(Transition.Done.class);
    }
  }

  @Test
  default void anyLeaseMatchesWhicheverLeaseIsCurrent() {
    for (Change change : Change.values()) {
      Message leased = enqueuedAndLeased("m-" + change);

      assertThat(change.apply(store(), BOB, leased.id(), LeaseMatch.any(), at(20)))
          .as(change.name()).isInstanceOf(Transition.Done.class);
    }
  }

  @Test
  default void everyTransitionOfAnUnknownMessageIsNotFound() {
    given(BOB);
    MessageId unknown = new MessageId("nope");

    for (Change change : Change.values()) {
      assertThat(change.apply(store(), BOB, unknown, LeaseMatch.any(), at(20)))
          .as(change.name()).isEqualTo(new Transition.NotFound(unknown));
    }
  }

  @Test
  default void everyTransitionByAnotherAgentIsNotOwnerAndChangesNothing() {
    Message leased = leased();

    for (Change change : Change.values()) {
      assertThat(change.apply(store(), ALICE, leased.id(), LeaseMatch.any(), at(20)))
          .as(change.name()).isEqualTo(new Transition.NotOwner(leased.id()));
    }
    assertThat(stored(leased)).isEqualTo(leased);
  }

  @Test
  default void everyTransitionOfAQueuedMessageIsWrongStateQueued() {
    Message queued = enqueued(message("m-1", BOB), at(0));

    for (Change change : Change.values()) {
      assertThat(change.apply(store(), BOB, queued.id(), LeaseMatch.any(), at(20)))
          .as(change.name()).isEqualTo(new Transition.WrongState(queued.id(), MessageState.QUEUED));
    }
    assertThat(stored(queued)).isEqualTo(queued);
  }

  @Test
  default void everyTransitionOfAnAckedMessageIsWrongStateAcked() {
    Message acked = acked(leased(), at(20));

    for (Change change : Change.values()) {
      assertThat(change.apply(store(), BOB, acked.id(), LeaseMatch.any(), at(30)))
          .as(change.name()).isEqualTo(new Transition.WrongState(acked.id(), MessageState.ACKED));
    }
    assertThat(stored(acked)).isEqualTo(acked);
  }

  @Test
  default void everyTransitionUnderTheLeaseIdOfAnEarlierLeaseIsLeaseLostAndChangesNothing() {
    Message first = leased();
    requeued(first, at(20), at(20));
    Message second = leasedOne(BOB, at(30), at(90));

    for (Change change : Change.values()) {
      assertThat(change.apply(store(), BOB, first.id(), exactly(first), at(40)))
          .as(change.name()).isEqualTo(new Transition.LeaseLost(first.id()));
    }
    assertThat(stored(second)).isEqualTo(second);
  }

  private Message enqueuedAndLeased(String id) {
    enqueued(message(id, BOB), at(0));
    return leasedOne(BOB, at(10), at(70));
  }
}
