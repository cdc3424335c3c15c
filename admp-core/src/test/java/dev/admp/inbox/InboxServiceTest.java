package dev.admp.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.admp.AdmpException;
import dev.admp.ConflictException;
import dev.admp.InvalidRequestException;
import dev.admp.NotFoundException;
import dev.admp.inbox.InboxFixture.TestAgent;
import dev.admp.store.ReclaimReport;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** PULL, ACK, NACK, status and counts. */
class InboxServiceTest {
  private static final Instant T0 = InboxFixture.T0;

  private final InboxFixture hub = new InboxFixture();
  private final TestAgent alice = hub.register("alice");
  private final TestAgent bob = hub.register("bob");

  private List<Message> pull(int visibilitySeconds, int max) {
    return hub.inbox.pull(bob.id(), new PullRequest(Duration.ofSeconds(visibilitySeconds), Duration.ZERO, max));
  }

  private static AbstractThrowableAssert<?, ? extends Throwable> assertFails(Runnable call, Class<?> kind, String code) {
    return assertThatThrownBy(call::run).isInstanceOf(kind)
        .satisfies(e -> assertThat(((AdmpException) e).code()).isEqualTo(code));
  }

  private static LeaseMatch leaseOf(Message m) {
    return new LeaseMatch.Exactly(m.lease().orElseThrow().id());
  }

  @Test
  void pullLeasesTheOldestMessageForTheVisibilityTimeout() {
    hub.send(alice, bob, "m-1");
    hub.send(alice, bob, "m-2");

    List<Message> pulled = pull(90, 1);

    assertThat(pulled).extracting(Message::id).containsExactly(new MessageId("m-1"));
    assertThat(pulled.getFirst().lease().orElseThrow().until()).isEqualTo(T0.plusSeconds(90));
    assertThat(pulled.getFirst().attempts()).isEqualTo(1);
  }

  @Test
  void pullLeasesUpToMaxMessagesInArrivalOrder() {
    for (int i = 1; i <= 4; i++) {
      hub.send(alice, bob, "m-" + i);
    }

    assertThat(pull(60, 3)).extracting(m -> m.id().value()).containsExactly("m-1", "m-2", "m-3");
  }

  @Test
  void pullOfAnEmptyInboxWithoutWaitReturnsNothing() {
    assertThat(pull(60, 10)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({"0,0,1", "43201,0,1", "60,-1,1", "60,21,1", "60,0,0", "60,0,11"})
  void pullRequestOutOfRangeIsInvalidRequest(long visibility, long wait, int max) {
    assertFails(() -> new PullRequest(Duration.ofSeconds(visibility), Duration.ofSeconds(wait), max),
        InvalidRequestException.class, "INVALID_REQUEST");
  }

  @Test
  void waitingPullReturnsTheMessageSentWhileItWaits() throws Exception {
    Duration wait = Duration.ofSeconds(10);
    long started = System.nanoTime();
    var pulled = CompletableFuture.supplyAsync(
        () -> hub.inbox.pull(bob.id(), new PullRequest(Duration.ofSeconds(60), wait, 1)));
    hub.signal.awaitWaiter();

    hub.send(alice, bob, "m-1");

    assertThat(pulled.get()).extracting(Message::id).containsExactly(new MessageId("m-1"));
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(wait.dividedBy(2));
  }

  @Test
  void sendWakesPullersOfTheRecipientsInboxOnly() {
    long bobs = hub.signal.version(bob.id());
    long alices = hub.signal.version(alice.id());

    hub.send(alice, bob, "m-1");

    assertThat(hub.signal.version(bob.id())).isNotEqualTo(bobs);
    assertThat(hub.signal.version(alice.id())).isEqualTo(alices);
  }

  @Test
  void waitingPullFindsAMessageThatBecomesVisibleWithoutAWake() throws Exception {
    hub.send(alice, bob, "m-1");
    Message leased = hub.pullOne(bob);
    hub.inbox.nack(bob.id(), leased.id(), new NackRequest(Optional.empty(), Duration.ofSeconds(30), LeaseMatch.any()));
    Duration wait = Duration.ofSeconds(10);
    long started = System.nanoTime();
    var pulled = CompletableFuture.supplyAsync(
        () -> hub.inbox.pull(bob.id(), new PullRequest(Duration.ofSeconds(60), wait, 1)));
    hub.signal.awaitWaiter();

    hub.clock.advance(Duration.ofSeconds(30));

    assertThat(pulled.get()).extracting(Message::id).containsExactly(leased.id());
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(wait.dividedBy(2));
  }

  @Test
  void waitingPullReturnsNothingOnceTheWaitHasPassed() {
    Duration wait = Duration.ofSeconds(1);
    long started = System.nanoTime();

    List<Message> pulled = hub.inbox.pull(bob.id(), new PullRequest(Duration.ofSeconds(60), wait, 1));

    assertThat(pulled).isEmpty();
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(wait);
  }

  @Test
  void ackMakesTheLeasedMessageAcked() {
    hub.send(alice, bob, "m-1");
    Message leased = hub.pullOne(bob);
    hub.clock.advance(Duration.ofSeconds(5));

    Message acked = hub.inbox.ack(bob.id(), leased.id(), leaseOf(leased));

    assertThat(acked.state()).isEqualTo(MessageState.ACKED);
    assertThat(hub.inbox.status(leased.id()).ackedAt()).contains(T0.plusSeconds(5));
  }

  @Test
  void ackOfAnUnknownMessageIsMessageNotFound() {
    assertFails(() -> hub.inbox.ack(bob.id(), new MessageId("nope"), LeaseMatch.any()), NotFoundException.class,
        "MESSAGE_NOT_FOUND").hasMessageContaining("nope");
  }

  @Test
  void ackOfAnotherAgentsMessageIsAckFailedNamingTheInbox() {
    hub.send(alice, bob, "m-1");
    hub.pullOne(bob);

    assertFails(() -> hub.inbox.ack(alice.id(), new MessageId("m-1"), LeaseMatch.any()), InvalidRequestException.class,
        "ACK_FAILED").hasMessageContaining("m-1").hasMessageContaining("alice");
  }

  @Test
  void ackOfAQueuedMessageIsAckFailedNamingItsState() {
    hub.send(alice, bob, "m-1");

    assertFails(() -> hub.inbox.ack(bob.id(), new MessageId("m-1"), LeaseMatch.any()), InvalidRequestException.class,
        "ACK_FAILED").hasMessage("message m-1 is queued; cannot ack");
  }

  @Test
  void ackUnderAnEarlierLeaseIsLeaseLost() {
    hub.send(alice, bob, "m-1");
    Message first = hub.pullOne(bob);
    hub.inbox.nack(bob.id(), first.id(), NackRequest.requeue());
    hub.pullOne(bob);

    assertFails(() -> hub.inbox.ack(bob.id(), first.id(), leaseOf(first)), ConflictException.class, "LEASE_LOST");
  }

  @Test
  void nackRequeuesTheMessageForTheNextPull() {
    hub.send(alice, bob, "m-1");
    Message leased = hub.pullOne(bob);

    Message nacked = hub.inbox.nack(bob.id(), leased.id(), NackRequest.requeue());

    assertThat(nacked.state()).isEqualTo(MessageState.QUEUED);
    assertThat(nacked.lease()).isEmpty();
    assertThat(hub.pullOne(bob).attempts()).isEqualTo(2);
  }

  @Test
  void nackWithDelayHidesTheMessageUntilTheDelayHasPassed() {
    hub.send(alice, bob, "m-1");
    Message leased = hub.pullOne(bob);

    hub.inbox.nack(bob.id(), leased.id(), new NackRequest(Optional.empty(), Duration.ofSeconds(30), leaseOf(leased)));

    hub.clock.advance(Duration.ofSeconds(29));
    assertThat(pull(60, 1)).isEmpty();
    hub.clock.advance(Duration.ofSeconds(1));
    assertThat(pull(60, 1)).extracting(Message::id).containsExactly(leased.id());
  }

  @Test
  void nackWithExtendKeepsTheLeaseAndExtendsItFromTheLaterOfNowAndLeaseUntil() {
    hub.send(alice, bob, "m-1");
    Message leased = hub.pullOne(bob);
    NackRequest extend = new NackRequest(Optional.of(Duration.ofSeconds(30)), Duration.ZERO, leaseOf(leased));

    Message early = hub.inbox.nack(bob.id(), leased.id(), extend);
    hub.clock.advance(Duration.ofSeconds(200));
    Message late = hub.inbox.nack(bob.id(), leased.id(), extend);

    assertThat(early.state()).isEqualTo(MessageState.LEASED);
    assertThat(early.lease().orElseThrow().until()).isEqualTo(T0.plusSeconds(90));
    assertThat(late.lease().orElseThrow().until()).isEqualTo(T0.plusSeconds(230));
  }

  @Test
  void nackOfAnAckedMessageIsNackFailedNamingItsState() {
    hub.send(alice, bob, "m-1");
    Message leased = hub.pullOne(bob);
    hub.inbox.ack(bob.id(), leased.id(), LeaseMatch.any());

    assertFails(() -> hub.inbox.nack(bob.id(), leased.id(), NackRequest.requeue()), InvalidRequestException.class,
        "NACK_FAILED").hasMessage("message m-1 is acked; cannot nack");
  }

  @Test
  void nackUnderAnEarlierLeaseIsLeaseLost() {
    hub.send(alice, bob, "m-1");
    Message first = hub.pullOne(bob);
    hub.inbox.nack(bob.id(), first.id(), NackRequest.requeue());
    hub.pullOne(bob);

    assertFails(() -> hub.inbox.nack(bob.id(), first.id(),
        new NackRequest(Optional.empty(), Duration.ZERO, leaseOf(first))), ConflictException.class, "LEASE_LOST");
  }

  @ParameterizedTest
  @CsvSource({"0,0", "43201,0", "-1,-1", "-1,43201"})
  void nackRequestOutOfRangeIsInvalidRequest(long extendSeconds, long delaySeconds) {
    Optional<Duration> extend = extendSeconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(extendSeconds));
    Duration delay = delaySeconds < 0 ? Duration.ofSeconds(-1) : Duration.ofSeconds(delaySeconds);

    assertFails(() -> new NackRequest(extend, delay, LeaseMatch.any()), InvalidRequestException.class, "INVALID_REQUEST");
  }

  @Test
  void statusOfAnUnknownMessageIsMessageNotFound() {
    assertFails(() -> hub.inbox.status(new MessageId("nope")), NotFoundException.class, "MESSAGE_NOT_FOUND");
  }

  @Test
  void statsCountTheInboxMessagesByState() {
    hub.send(alice, bob, "m-1");
    hub.send(alice, bob, "m-2");
    hub.pullOne(bob);

    assertThat(hub.inbox.stats(bob.id())).isEqualTo(new InboxStats(1, 1, 0, 0, 0));
  }

  @Test
  void reclaimReturnsTheInboxsEndedLeasesToTheQueue() {
    hub.send(alice, bob, "m-1");
    hub.pullOne(bob);
    hub.clock.advance(Duration.ofSeconds(60));

    assertThat(hub.inbox.reclaim(bob.id())).isEqualTo(new ReclaimReport(1, 0));
    assertThat(hub.inbox.status(new MessageId("m-1")).state()).isEqualTo(MessageState.QUEUED);
  }

  @Test
  void hubStatsCountAgentsOnlineWithinTheHeartbeatTimeout() {
    hub.clock.advance(Duration.ofMinutes(4));
    hub.agents.heartbeat(bob.id(), "{}");
    hub.clock.advance(Duration.ofMinutes(2));

    var stats = hub.inbox.hubStats();

    assertThat(stats.agents()).isEqualTo(2);
    assertThat(stats.onlineAgents()).isEqualTo(1);
  }
}
