package dev.admp.store;

import static dev.admp.store.StoreTestData.ALICE;
import static dev.admp.store.StoreTestData.BOB;
import static dev.admp.store.StoreTestData.CAROL;
import static dev.admp.store.StoreTestData.at;
import static dev.admp.store.StoreTestData.expiring;
import static dev.admp.store.StoreTestData.message;
import static org.assertj.core.api.Assertions.assertThat;

import dev.admp.agent.AgentId;
import dev.admp.agent.AgentUpdate;
import dev.admp.inbox.InboxStats;
import dev.admp.inbox.MessageId;
import org.junit.jupiter.api.Test;

/** Lookups and counts: findMessage, per-inbox and hub-wide statistics. */
public interface StatsContract extends StoreContract {

  /** Bob's inbox: two queued, one leased, one acked, one expired, one dead; Carol's: one queued. */
  private void oneOfEachState() {
    enqueued(message("m-acked", BOB), at(0));
    acked(leasedOne(BOB, at(1), at(600)), at(2));
    enqueued(message("m-dead", BOB), at(0));
    leasedOne(BOB, at(3), at(4));
    store().reclaimExpiredLeases(at(4), 1);
    enqueued(expiring("m-expired", BOB, at(5)), at(0));
    store().expireMessages(at(5));
    enqueued(message("m-leased", BOB), at(0));
    leasedOne(BOB, at(6), at(600));
    enqueued(message("m-queued-1", BOB), at(0));
    enqueued(message("m-queued-2", BOB), at(0));
    enqueued(message("m-carol", CAROL), at(0));
  }

  @Test
  default void findingAnUnknownMessageIsEmpty() {
    assertThat(store().findMessage(new MessageId("nope"))).isEmpty();
  }

  @Test
  default void inboxStatsCountTheMessagesOfThatInboxByState() {
    oneOfEachState();

    assertThat(store().inboxStats(BOB)).isEqualTo(new InboxStats(2, 1, 1, 1, 1));
    assertThat(store().inboxStats(CAROL)).isEqualTo(new InboxStats(1, 0, 0, 0, 0));
  }

  @Test
  default void inboxStatsOfAnInboxWithoutMessagesAreZero() {
    given(BOB);

    assertThat(store().inboxStats(BOB)).isEqualTo(InboxStats.EMPTY);
    assertThat(store().inboxStats(new AgentId("nobody"))).isEqualTo(InboxStats.EMPTY);
  }

  @Test
  default void hubStatsCountMessagesOfEveryInboxByState() {
    oneOfEachState();

    assertThat(store().hubStats(at(0)).messages()).isEqualTo(new InboxStats(3, 1, 1, 1, 1));
  }

  @Test
  default void hubStatsCountAgentsSeenAtOrAfterTheCutoffAsOnline() {
    given(ALICE, BOB, CAROL);
    store().updateAgent(BOB, new AgentUpdate.Heartbeat(at(100), "{}"));
    store().updateAgent(CAROL, new AgentUpdate.Heartbeat(at(50), "{}"));

    HubStats stats = store().hubStats(at(50));

    assertThat(stats.agents()).isEqualTo(3);
    assertThat(stats.onlineAgents()).isEqualTo(2);
    assertThat(stats.messages()).isEqualTo(InboxStats.EMPTY);
  }
}
