package dev.admp.store;

import static dev.admp.store.StoreTestData.BOB;
import static dev.admp.store.StoreTestData.CAROL;
import static dev.admp.store.StoreTestData.at;
import static dev.admp.store.StoreTestData.expiring;
import static dev.admp.store.StoreTestData.message;
import static org.assertj.core.api.Assertions.assertThat;

import dev.admp.inbox.Message;
import dev.admp.inbox.MessageId;
import dev.admp.inbox.MessageState;
import org.junit.jupiter.api.Test;

/** Sweeps: reclaim ended leases, expire messages past their TTL, purge finished messages after retention. */
public interface SweepContract extends StoreContract {

  @Test
  default void reclaimReturnsLeasesThatEndedAtOrBeforeNowToTheQueue() {
    enqueued(message("m-1", BOB), at(0));
    enqueued(message("m-2", BOB), at(0));
    Message ended = leasedOne(BOB, at(1), at(60));
    Message holding = leasedOne(BOB, at(1), at(61));

    assertThat(store().reclaimExpiredLeases(at(60), 10)).isEqualTo(new ReclaimReport(1, 0));

    assertThat(stored(ended)).isEqualTo(ended.requeued(at(60), at(60)));
    assertThat(stored(holding)).isEqualTo(holding);
    assertThat(leasedOne(BOB, at(60), at(120)).attempts()).isEqualTo(2);
  }

  @Test
  default void reclaimMakesAMessageDeadOnceItHasHadMaxAttempts() {
    enqueued(message("m-1", BOB), at(0));
    requeued(leasedOne(BOB, at(1), at(60)), at(2), at(2));
    Message secondAttempt = leasedOne(BOB, at(2), at(60));

    assertThat(store().reclaimExpiredLeases(at(60), 2)).isEqualTo(new ReclaimReport(0, 1));

    assertThat(stored(secondAttempt)).isEqualTo(secondAttempt.ended(MessageState.DEAD, at(60)));
  }

  @Test
  default void reclaimOfOneInboxLeavesOtherInboxesAlone() {
    enqueued(message("m-1", BOB), at(0));
    enqueued(message("m-2", CAROL), at(0));
    Message bobs = leasedOne(BOB, at(1), at(60));
    Message carols = leasedOne(CAROL, at(1), at(60));

    assertThat(store().reclaimExpiredLeases(BOB, at(60), 10)).isEqualTo(new ReclaimReport(1, 0));

    assertThat(stored(bobs).state()).isEqualTo(MessageState.QUEUED);
    assertThat(stored(carols)).isEqualTo(carols);
  }

  @Test
  default void expireMessagesEndsQueuedAndLeasedMessagesAtOrPastTheirTtl() {
    Message queued = enqueued(expiring("m-1", BOB, at(10)), at(0));
    enqueued(expiring("m-2", CAROL, at(10)), at(0));
    Message leased = leasedOne(CAROL, at(1), at(600));
    Message fresh = enqueued(expiring("m-3", BOB, at(11)), at(0));

    assertThat(store().expireMessages(at(10))).isEqualTo(2);

    assertThat(stored(queued)).isEqualTo(queued.ended(MessageState.EXPIRED, at(10)));
    assertThat(stored(leased)).isEqualTo(leased.ended(MessageState.EXPIRED, at(10)));
    assertThat(stored(fresh)).isEqualTo(fresh);
  }

  @Test
  default void expireMessagesLeavesFinishedMessagesAlone() {
    enqueued(expiring("m-1", BOB, at(10)), at(0));
    Message acked = acked(leasedOne(BOB, at(1), at(60)), at(2));

    assertThat(store().expireMessages(at(100))).isZero();
    assertThat(stored(acked)).isEqualTo(acked);
  }

  @Test
  default void purgeDeletesOnlyFinishedMessagesThatEndedAtOrBeforeTheCutoff() {
    enqueued(message("m-acked", BOB), at(0));
    Message acked = acked(leasedOne(BOB, at(1), at(60)), at(10));
    enqueued(expiring("m-expired", BOB, at(20)), at(0));
    store().expireMessages(at(20));
    enqueued(message("m-dead", CAROL), at(0));
    leasedOne(CAROL, at(1), at(30));
    store().reclaimExpiredLeases(at(30), 1);
    enqueued(message("m-late", BOB), at(0));
    Message late = acked(leasedOne(BOB, at(1), at(60)), at(31));
    enqueued(message("m-leased", BOB), at(0));
    Message leased = leasedOne(BOB, at(1), at(60));

    assertThat(store().purgeFinished(at(30))).isEqualTo(3);

    assertThat(store().findMessage(acked.id())).isEmpty();
    assertThat(store().findMessage(new MessageId("m-expired"))).isEmpty();
    assertThat(store().findMessage(new MessageId("m-dead"))).isEmpty();
    assertThat(stored(late)).isEqualTo(late);
    assertThat(stored(leased)).isEqualTo(leased);
    assertThat(store().inboxStats(BOB).total()).isEqualTo(2);
  }

  @Test
  default void sweepsOfAStoreWithoutMessagesDoNothing() {
    given(BOB);

    assertThat(store().reclaimExpiredLeases(at(100), 1)).isEqualTo(ReclaimReport.NONE);
    assertThat(store().reclaimExpiredLeases(BOB, at(100), 1)).isEqualTo(ReclaimReport.NONE);
    assertThat(store().expireMessages(at(100))).isZero();
    assertThat(store().purgeFinished(at(100))).isZero();
  }
}
