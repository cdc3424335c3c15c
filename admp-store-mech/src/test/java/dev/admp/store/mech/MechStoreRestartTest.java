package dev.admp.store.mech;

import static dev.admp.store.StoreTestData.ALICE;
import static dev.admp.store.StoreTestData.BOB;
import static dev.admp.store.StoreTestData.agent;
import static dev.admp.store.StoreTestData.at;
import static dev.admp.store.StoreTestData.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.admp.inbox.EnqueueOutcome;
import dev.admp.inbox.LeaseMatch;
import dev.admp.inbox.Message;
import dev.admp.inbox.MessageId;
import dev.admp.inbox.MessageState;
import dev.admp.store.StoreUnavailableException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A new store on data another store left behind: index rebuilt, ownership respected. */
class MechStoreRestartTest {
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

  private static MechStore open(Kind kind, String app) {
    return MechStore.open(EMULATORS.get(kind).config(app));
  }

  private static List<MessageId> ids(String... ids) {
    return java.util.Arrays.stream(ids).map(MessageId::new).toList();
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void aRestartedStoreServesQueuedMessagesInOrderAndReclaimsLeasesAfterTheirEnd(Kind kind) {
    String app = MechTestEmulator.newApp();
    try (MechStore first = open(kind, app)) {
      first.registerAgent(agent(ALICE));
      first.registerAgent(agent(BOB));
      for (int i = 1; i <= 5; i++) {
        first.enqueue(message("m-" + i, BOB), at(i));
      }
      assertThat(first.lease(BOB, 2, at(10), at(70))).extracting(Message::id).containsExactlyElementsOf(ids("m-1", "m-2"));
      Message third = first.lease(BOB, 1, at(11), at(71)).getFirst();
      first.ack(BOB, third.id(), LeaseMatch.any(), at(12));
    }

    try (MechStore second = open(kind, app)) {
      assertThat(second.findAgent(BOB)).contains(agent(BOB));
      assertThat(second.hubStats(at(0)).agents()).isEqualTo(2);
      assertThat(second.findMessage(new MessageId("m-3")).map(Message::state)).contains(MessageState.ACKED);
      assertThat(second.inboxStats(BOB).queued()).isEqualTo(2);
      assertThat(second.inboxStats(BOB).leased()).isEqualTo(2);

      assertThat(second.lease(BOB, 10, at(20), at(80))).extracting(Message::id)
          .containsExactlyElementsOf(ids("m-4", "m-5"));
      assertThat(second.reclaimExpiredLeases(at(69), 5).total()).isZero();
      assertThat(second.reclaimExpiredLeases(at(70), 5).requeued()).isEqualTo(2);
      assertThat(second.lease(BOB, 10, at(71), at(131))).extracting(Message::id)
          .containsExactlyElementsOf(ids("m-1", "m-2"));
      assertThat(second.enqueue(message("m-1", BOB), at(72))).isInstanceOf(EnqueueOutcome.Duplicate.class);
      assertThat(second.enqueue(message("m-6", BOB), at(72))).isInstanceOf(EnqueueOutcome.Enqueued.class);
    }
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void aSecondStoreRefusesAnAppWithALiveOwnerAndSaysWhy(Kind kind) {
    String app = MechTestEmulator.newApp();
    try (MechStore first = open(kind, app)) {
      assertThatThrownBy(() -> open(kind, app))
          .isInstanceOf(AppOwnedException.class)
          .hasMessageContaining("'" + app + "' is owned by another live hub")
          .hasMessageContaining("MECH_APP_ID");
      first.checkHealth();
    }
    try (MechStore afterClose = open(kind, app)) {
      afterClose.checkHealth();
    }
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void aStoreTakesOverTheAppOfAHubWhoseOwnerLeaseEnded(Kind kind) {
    String app = MechTestEmulator.newApp();
    MechStore crashed = open(kind, app);
    crashed.registerAgent(agent(BOB));
    crashed.enqueue(message("m-1", BOB), at(0));
    Clock later = Clock.fixed(Instant.now().plus(Duration.ofHours(1)), ZoneOffset.UTC);

    try (MechStore next = MechStore.open(EMULATORS.get(kind).config(app), later)) {
      assertThat(next.lease(BOB, 10, at(1), at(61))).extracting(Message::id).containsExactlyElementsOf(ids("m-1"));

      crashed.heartbeat();

      assertThatThrownBy(() -> crashed.enqueue(message("m-2", BOB), at(2)))
          .isInstanceOf(StoreUnavailableException.class).hasMessageContaining("no longer owns");
      next.checkHealth();
    } finally {
      crashed.close();
    }
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void moreThanAThousandMessagesInOneInboxAreAllDeliveredInOrderAcrossARestart(Kind kind) {
    String app = MechTestEmulator.newApp();
    int total = 1_500;
    try (MechStore first = open(kind, app)) {
      first.registerAgent(agent(BOB));
      for (int i = 0; i < total; i++) {
        first.enqueue(message(String.format("m-%05d", i), BOB), at(0));
      }
      List<Message> firstTen = first.lease(BOB, 10, at(1), at(61));
      firstTen.forEach(m -> first.ack(BOB, m.id(), LeaseMatch.any(), at(2)));
    }

    List<MessageId> delivered = new ArrayList<>();
    try (MechStore second = open(kind, app)) {
      assertThat(second.inboxStats(BOB).queued()).isEqualTo(total - 10);
      for (List<Message> batch; !(batch = second.lease(BOB, 10, at(3), at(63))).isEmpty(); ) {
        for (Message m : batch) {
          delivered.add(m.id());
          second.ack(BOB, m.id(), LeaseMatch.any(), at(4));
        }
      }
      assertThat(second.inboxStats(BOB).acked()).isEqualTo(total);
    }
    List<MessageId> expected = new ArrayList<>();
    for (int i = 10; i < total; i++) {
      expected.add(new MessageId(String.format("m-%05d", i)));
    }
    assertThat(delivered).containsExactlyElementsOf(expected);
  }
}
