package dev.admp.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import dev.admp.agent.Agent;
import dev.admp.agent.AgentId;
import dev.admp.inbox.LeaseMatch;
import dev.admp.inbox.Message;
import dev.admp.inbox.MessageId;
import dev.admp.inbox.MessageState;
import dev.admp.inbox.NewMessage;
import dev.admp.store.ReclaimReport;
import dev.admp.store.memory.InMemoryStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SweepServiceTest {
  private static final Instant T0 = Instant.parse("2026-01-15T10:00:00Z");
  private static final AgentId ALICE = new AgentId("alice");
  private static final AgentId BOB = new AgentId("bob");

  private final InMemoryStore store = new InMemoryStore();
  private final SweepService sweeper = new SweepService(store, new SweepSettings(2, Duration.ofHours(1)));

  SweepServiceTest() {
    for (AgentId id : List.of(ALICE, BOB)) {
      store.registerAgent(new Agent(id, id.value(), "generic", new byte[32], "{}", Optional.empty(), List.of(), T0, T0));
    }
  }

  private Message enqueue(String id, Duration ttl) {
    store.enqueue(new NewMessage(new MessageId(id), ALICE, BOB, "{}", Optional.empty(), T0.plus(ttl)), T0);
    return store.findMessage(new MessageId(id)).orElseThrow();
  }

  private MessageState stateOf(String id) {
    return store.findMessage(new MessageId(id)).map(Message::state).orElse(null);
  }

  @Test
  void sweepReclaimsEndedLeasesExpiresMessagesAndPurgesOldFinishedOnesInOnePass() {
    enqueue("m-acked", Duration.ofDays(1));
    store.lease(BOB, 1, T0, T0.plusSeconds(60));
    store.ack(BOB, new MessageId("m-acked"), LeaseMatch.any(), T0);
    enqueue("m-leased", Duration.ofDays(1));
    store.lease(BOB, 1, T0, T0.plusSeconds(60));
    enqueue("m-stale", Duration.ofMinutes(30));

    SweepReport report = sweeper.sweep(T0.plus(Duration.ofHours(1)));

    assertThat(report).isEqualTo(new SweepReport(new ReclaimReport(1, 0), 1, 1));
    assertThat(stateOf("m-acked")).isNull();
    assertThat(stateOf("m-leased")).isEqualTo(MessageState.QUEUED);
    assertThat(stateOf("m-stale")).isEqualTo(MessageState.EXPIRED);
  }

  @Test
  void sweepMakesAMessageDeadWhenItsLastAllowedLeaseEnds() {
    enqueue("m-1", Duration.ofDays(1));
    store.lease(BOB, 1, T0, T0.plusSeconds(60));
    sweeper.sweep(T0.plusSeconds(60));
    store.lease(BOB, 1, T0.plusSeconds(60), T0.plusSeconds(120));

    SweepReport report = sweeper.sweep(T0.plusSeconds(120));

    assertThat(report.leases()).isEqualTo(new ReclaimReport(0, 1));
    assertThat(stateOf("m-1")).isEqualTo(MessageState.DEAD);
  }

  @Test
  void sweepKeepsFinishedMessagesForTheRetentionPeriod() {
    enqueue("m-1", Duration.ofMinutes(1));
    sweeper.sweep(T0.plusSeconds(60));

    assertThat(sweeper.sweep(T0.plusSeconds(60).plus(Duration.ofHours(1)).minusMillis(1)).purged()).isZero();
    assertThat(sweeper.sweep(T0.plusSeconds(60).plus(Duration.ofHours(1))).purged()).isEqualTo(1);
  }

  @Test
  void sweepOfAQuietHubReportsNothing() {
    enqueue("m-1", Duration.ofDays(1));

    assertThat(sweeper.sweep(T0.plusSeconds(1)).isEmpty()).isTrue();
  }
}
