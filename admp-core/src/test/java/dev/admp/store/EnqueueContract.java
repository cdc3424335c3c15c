package dev.admp.store;

import static dev.admp.store.StoreTestData.ALICE;
import static dev.admp.store.StoreTestData.BOB;
import static dev.admp.store.StoreTestData.CAROL;
import static dev.admp.store.StoreTestData.at;
import static dev.admp.store.StoreTestData.envelope;
import static dev.admp.store.StoreTestData.message;
import static dev.admp.store.StoreTestData.withDedupKey;
import static org.assertj.core.api.Assertions.assertThat;

import dev.admp.inbox.EnqueueOutcome;
import dev.admp.inbox.Message;
import dev.admp.inbox.MessageId;
import dev.admp.inbox.MessageState;
import dev.admp.inbox.NewMessage;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Enqueue: one idempotent call; the dedup key makes repeats duplicates, a reused id is a conflict. */
public interface EnqueueContract extends StoreContract {

  @Test
  default void enqueuedMessageIsQueuedVisibleNowAndKeptByteForByte() {
    NewMessage m = message("m-1", ALICE, BOB);
    given(ALICE, BOB);

    EnqueueOutcome outcome = store().enqueue(m, at(5));

    Message expected = new Message(m.id(), ALICE, BOB, envelope("m-1", ALICE, BOB), m.dedupKey(), MessageState.QUEUED,
        0, at(5), at(5), at(5), m.expiresAt(), Optional.empty(), Optional.empty());
    assertThat(outcome).isEqualTo(new EnqueueOutcome.Enqueued(expected));
    assertThat(store().findMessage(m.id())).contains(expected);
  }

  @Test
  default void repeatingADedupKeyReturnsTheExistingMessageAndWritesNothing() {
    Message first = enqueued(message("m-1", BOB), at(0));
    NewMessage sameKey = withDedupKey(message("m-2", BOB), first.dedupKey());

    assertThat(store().enqueue(sameKey, at(1))).isEqualTo(new EnqueueOutcome.Duplicate(first));
    assertThat(store().findMessage(sameKey.id())).isEmpty();
    assertThat(store().inboxStats(BOB).total()).isEqualTo(1);
  }

  @Test
  default void repeatingAMessageWithItsDedupKeyIsADuplicateNotAConflict() {
    Message first = enqueued(message("m-1", BOB), at(0));

    assertThat(store().enqueue(message("m-1", BOB), at(1))).isEqualTo(new EnqueueOutcome.Duplicate(first));
  }

  @Test
  default void aDuplicateShowsTheExistingMessageInItsCurrentState() {
    enqueued(message("m-1", BOB), at(0));
    Message leased = leasedOne(BOB, at(1), at(61));

    assertThat(store().enqueue(message("m-1", BOB), at(2))).isEqualTo(new EnqueueOutcome.Duplicate(leased));
  }

  @Test
  default void reusingAnIdWithAnotherDedupKeyIsAnIdConflictAndChangesNothing() {
    Message first = enqueued(message("m-1", BOB), at(0));

    NewMessage other = withDedupKey(message("m-1", BOB), Optional.of("alice|bob|other-key"));
    assertThat(store().enqueue(other, at(1))).isEqualTo(new EnqueueOutcome.IdConflict(new MessageId("m-1")));
    assertThat(store().findMessage(first.id())).contains(first);
  }

  @Test
  default void reusingAnIdWithoutDedupKeyIsAnIdConflict() {
    enqueued(message("m-1", BOB), at(0));

    NewMessage keyless = withDedupKey(message("m-1", BOB), Optional.empty());
    assertThat(store().enqueue(keyless, at(1))).isEqualTo(new EnqueueOutcome.IdConflict(new MessageId("m-1")));
  }

  @Test
  default void reusingAnIdInAnotherInboxIsAnIdConflict() {
    enqueued(message("m-1", BOB), at(0));
    given(CAROL);

    assertThat(store().enqueue(message("m-1", CAROL), at(1))).isEqualTo(new EnqueueOutcome.IdConflict(new MessageId("m-1")));
    assertThat(store().inboxStats(CAROL).total()).isZero();
  }

  @Test
  default void messagesWithoutDedupKeyAreNeverDuplicates() {
    NewMessage first = withDedupKey(message("m-1", BOB), Optional.empty());
    NewMessage second = new NewMessage(new MessageId("m-2"), first.from(), first.to(), first.envelopeJson(),
        Optional.empty(), first.expiresAt());

    enqueued(first, at(0));
    enqueued(second, at(0));

    assertThat(store().inboxStats(BOB).queued()).isEqualTo(2);
  }
}
