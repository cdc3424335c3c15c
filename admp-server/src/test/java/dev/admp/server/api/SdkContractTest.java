package dev.admp.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.admp.client.AckOptions;
import dev.admp.client.AdmpClient;
import dev.admp.client.AdmpClientException;
import dev.admp.client.AgentInfo;
import dev.admp.client.HubStats;
import dev.admp.client.InboxStats;
import dev.admp.client.MessageStatus;
import dev.admp.client.NackOptions;
import dev.admp.client.NackResult;
import dev.admp.client.Outgoing;
import dev.admp.client.PullOptions;
import dev.admp.client.Pulled;
import dev.admp.client.RegisterRequest;
import dev.admp.client.Registered;
import dev.admp.client.SendResult;
import dev.admp.client.WebhookConfig;
import dev.admp.server.TestHub;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every route through the Java SDK ({@code admp-client}), as an application would use it;
 * subclasses run it in each auth mode.
 */
abstract class SdkContractTest {
  private TestHub hub;
  private AdmpClient client;
  private AdmpClient alice;
  private AdmpClient bob;
  private Registered bobRegistration;

  abstract TestHub startHub();

  @BeforeEach
  void start() {
    hub = startHub();
    client = AdmpClient.builder(URI.create("http://localhost:" + hub.hub().port())).clock(hub.clock()).build();
    alice = client.withAgent(client.register(RegisterRequest.named("agent://alice").withGeneratedKeys()));
    bobRegistration = client.register(RegisterRequest.named("agent://bob").withType("worker")
        .withMetadata(Map.of("team", "ci")));
    bob = client.withAgent(bobRegistration);
  }

  @AfterEach
  void stop() {
    client.close();
    hub.close();
  }

  @Test
  void hubReportsHealthAndCounts() {
    assertThat(client.health().healthy()).isTrue();
    assertThat(client.health().storage()).contains(hub.storage());
    HubStats stats = client.stats();
    assertThat(stats.agentsTotal()).isEqualTo(2);
    assertThat(stats.agentsOnline()).isEqualTo(2);
    assertThat(stats.messages().total()).isZero();
  }

  @Test
  void hubGeneratedKeysWork() {
    assertThat(bobRegistration.agentId()).isEqualTo("agent://bob");
    assertThat(bobRegistration.agentType()).isEqualTo("worker");
    assertThat(bob.heartbeat().status()).isEqualTo("online");
  }

  @Test
  void agentIsDescribedWithoutSecrets() {
    AgentInfo info = bob.getAgent("agent://bob");

    assertThat(info.agentId()).isEqualTo("agent://bob");
    assertThat(info.agentType()).isEqualTo("worker");
    assertThat(info.metadata().get("team").asText()).isEqualTo("ci");
    assertThat(info.json().has("secret_key")).isFalse();
  }

  @Test
  void heartbeatMergesMetadata() {
    bob.heartbeat(Map.of("load", 3));

    AgentInfo info = bob.getAgent("agent://bob");
    assertThat(info.metadata().get("team").asText()).isEqualTo("ci");
    assertThat(info.metadata().get("load").asInt()).isEqualTo(3);
  }

  @Test
  void trustListRoundTrip() {
    assertThat(bob.trust("agent://alice")).containsExactly("alice");
    assertThat(bob.trust("carol")).containsExactly("alice", "carol");
    assertThat(bob.distrust("carol")).containsExactly("alice");
    assertThat(bob.trustedAgents()).containsExactly("alice");
  }

  @Test
  void webhookRoundTrip() {
    WebhookConfig set = bob.setWebhook("http://127.0.0.1:9/hook");

    assertThat(set.url()).isEqualTo("http://127.0.0.1:9/hook");
    assertThat(set.secret()).isNotBlank();
    assertThat(bob.webhook().configured()).isTrue();
    bob.deleteWebhook();
    assertThat(bob.webhook().configured()).isFalse();
  }

  @Test
  void sendPullAckAndStatus() {
    SendResult sent = alice.send(Outgoing.to("agent://bob", "run_tests").withType("task.request")
        .withBody(Map.of("suite", "unit")).withCorrelationId("c-1"));

    Pulled pulled = bob.pull().orElseThrow();
    assertThat(pulled.messageId()).isEqualTo(sent.messageId());
    assertThat(pulled.subject()).isEqualTo("run_tests");
    assertThat(pulled.body().get("suite").asText()).isEqualTo("unit");
    assertThat(pulled.from()).isEqualTo("agent://alice");
    bob.ack(pulled);
    MessageStatus status = alice.status(sent.messageId());
    assertThat(status.status()).isEqualTo("acked");
    assertThat(status.ackedAt()).isPresent();
  }

  @Test
  void repeatedSendIsADuplicate() {
    Outgoing message = Outgoing.to("agent://bob", "once").withId("m-1");

    assertThat(alice.send(message).duplicate()).isFalse();
    SendResult again = alice.send(message);

    assertThat(again.duplicate()).isTrue();
    assertThat(again.messageId()).isEqualTo("m-1");
  }

  @Test
  void idempotencyKeyMakesDifferentEnvelopesOneMessage() {
    SendResult first = alice.send(Outgoing.to("agent://bob", "a").withIdempotencyKey("k"));
    SendResult second = alice.send(Outgoing.to("agent://bob", "b").withIdempotencyKey("k"));

    assertThat(second.duplicate()).isTrue();
    assertThat(second.messageId()).isEqualTo(first.messageId());
  }

  @Test
  void conflictingIdIsMessageIdConflict() {
    alice.send(Outgoing.to("agent://bob", "a").withId("shared"));

    assertThatThrownBy(() -> bob.send(Outgoing.to("agent://alice", "b").withId("shared")))
        .isInstanceOfSatisfying(AdmpClientException.class, e -> {
          assertThat(e.status()).isEqualTo(409);
          assertThat(e.code()).isEqualTo("MESSAGE_ID_CONFLICT");
        });
  }

  @Test
  void batchPullAndEmptyPull() {
    for (int i = 0; i < 4; i++) {
      alice.send(Outgoing.to("agent://bob", "m" + i));
    }

    List<Pulled> batch = bob.pull(PullOptions.defaults().withMaxMessages(10));

    assertThat(batch).extracting(Pulled::subject).containsExactly("m0", "m1", "m2", "m3");
    assertThat(bob.pull()).isEmpty();
  }

  @Test
  void longPollReturnsAMessageSentWhileWaiting() throws Exception {
    CompletableFuture<List<Pulled>> pull = CompletableFuture.supplyAsync(
        () -> bob.pull(PullOptions.defaults().withWait(Duration.ofSeconds(10))), Executors.newVirtualThreadPerTaskExecutor());
    hub.awaitRequestsInFlight(1);

    alice.send(Outgoing.to("agent://bob", "late"));

    assertThat(pull.get(10, TimeUnit.SECONDS)).extracting(Pulled::subject).containsExactly("late");
  }

  @Test
  void nackRequeuesOrExtends() {
    alice.send(Outgoing.to("agent://bob", "x"));
    Pulled first = bob.pull().orElseThrow();

    NackResult extended = bob.nack(first, NackOptions.extend(Duration.ofSeconds(30)));
    assertThat(extended.status()).isEqualTo("leased");
    assertThat(extended.leaseUntil()).contains(first.leaseUntil().plusSeconds(30));
    NackResult requeued = bob.nack(first, NackOptions.requeue());
    assertThat(requeued.status()).isEqualTo("queued");
    assertThat(bob.pull().orElseThrow().attempts()).isEqualTo(2);
  }

  @Test
  void ackUnderALostLeaseIsLeaseLost() {
    alice.send(Outgoing.to("agent://bob", "x"));
    Pulled first = bob.pull(PullOptions.defaults().withVisibility(Duration.ofSeconds(1))).getFirst();
    hub.clock().advance(Duration.ofSeconds(2));
    assertThat(bob.reclaim()).isEqualTo(1);
    bob.pull();

    assertThatThrownBy(() -> bob.ack(first))
        .isInstanceOfSatisfying(AdmpClientException.class, e -> {
          assertThat(e.kind()).isEqualTo(AdmpClientException.Kind.CONFLICT);
          assertThat(e.code()).isEqualTo("LEASE_LOST");
        });
    bob.ack(first.messageId(), AckOptions.none());
  }

  @Test
  void replyReachesTheSender() {
    alice.send(Outgoing.to("agent://bob", "question"));
    Pulled question = bob.pull().orElseThrow();

    SendResult replied = bob.reply(question, Outgoing.reply("answer").withBody(Map.of("ok", true)));

    assertThat(replied.status()).isEqualTo("queued");
    Pulled answer = alice.pull().orElseThrow();
    assertThat(answer.subject()).isEqualTo("answer");
    assertThat(answer.envelope().get("correlation_id").asText()).isEqualTo(question.messageId());
  }

  @Test
  void replyLeftToTheHubIsAddressedByIt() {
    alice.send(Outgoing.to("agent://bob", "question"));
    Pulled question = bob.pull().orElseThrow();

    bob.reply(question.messageId(), Outgoing.reply("answer"));

    Pulled answer = alice.pull().orElseThrow();
    assertThat(answer.envelope().get("to").asText()).isEqualTo("agent://alice");
    assertThat(answer.envelope().get("correlation_id").asText()).isEqualTo(question.messageId());
  }

  @Test
  void inboxStatsAndDeletion() {
    alice.send(Outgoing.to("agent://bob", "x"));

    InboxStats stats = bob.inboxStats();
    assertThat(stats.total()).isEqualTo(1);
    assertThat(stats.queued()).isEqualTo(1);
    bob.deleteAgent();
    assertThat(client.stats().agentsTotal()).isEqualTo(1);
    assertThatThrownBy(() -> alice.send(Outgoing.to("agent://bob", "y")))
        .isInstanceOfSatisfying(AdmpClientException.class, e -> assertThat(e.code()).isEqualTo("RECIPIENT_NOT_FOUND"));
  }
}
