package dev.admp.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.admp.protocol.crypto.Ed25519;
import dev.admp.protocol.envelope.EnvelopeSignature;
import dev.admp.protocol.httpsig.HttpDate;
import dev.admp.protocol.httpsig.HttpSignatureVerdict;
import dev.admp.protocol.httpsig.HttpSignatures;
import dev.admp.protocol.httpsig.SignatureHeader;
import dev.admp.protocol.json.JsJson;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class AdmpClientTest {
  private static final Instant NOW = Instant.parse("2026-01-15T10:20:30Z");
  private static final String ALICE = "agent://alice";
  /** One body every response parser of the client accepts. */
  private static final String ANY_OK = """
      {"ok":true,"last_heartbeat":1768472430000,"timeout_at":1768472730000,"status":"queued",
       "message_id":"m-1","envelope":{"from":"agent://bob"},"lease_until":1768472490000,"attempts":1,
       "lease_id":"lease-1","id":"m-1","created_at":1,"updated_at":2,"trusted_agents":["agent://bob"],
       "agent_id":"agent://alice","webhook_url":"http://example.com/hook","webhook_secret":"s",
       "webhook_configured":true,"reclaimed":3,"total":0}""";

  private final StubHub stub = StubHub.start();
  private final Ed25519.KeyPair alice = Ed25519.generate();
  private final AdmpClient client = AdmpClient.builder(stub.url())
      .agent(ALICE, alice.secretKey())
      .clock(Clock.fixed(NOW, ZoneOffset.UTC))
      .build();

  @AfterEach
  void stop() {
    client.close();
    stub.close();
  }

  static Stream<Named<Consumer<AdmpClient>>> agentScopedCalls() {
    return Stream.of(
        Named.of("heartbeat", c -> c.heartbeat(Map.of("load", 1))),
        Named.of("get agent", c -> c.getAgent(ALICE)),
        Named.of("delete agent", AdmpClient::deleteAgent),
        Named.of("trusted list", AdmpClient::trustedAgents),
        Named.of("trust", c -> c.trust("agent://bob")),
        Named.of("distrust", c -> c.distrust("agent://bob")),
        Named.of("set webhook", c -> c.setWebhook("http://example.com/hook")),
        Named.of("get webhook", AdmpClient::webhook),
        Named.of("delete webhook", AdmpClient::deleteWebhook),
        Named.of("pull", c -> c.pull(PullOptions.defaults().withWait(Duration.ofSeconds(1)))),
        Named.of("ack", c -> c.ack("m 1/x", AckOptions.none())),
        Named.of("nack", c -> c.nack("m-1", NackOptions.requeue())),
        Named.of("reply", c -> c.reply("m-1", Outgoing.reply("done"))),
        Named.of("status", c -> c.status("m-1")),
        Named.of("inbox stats", AdmpClient::inboxStats),
        Named.of("reclaim", AdmpClient::reclaim));
  }

  @ParameterizedTest
  @MethodSource("agentScopedCalls")
  void agentScopedRequestCarriesASignatureThatVerifiesForTheTargetAsSent(Consumer<AdmpClient> call) throws Exception {
    stub.respond(200, ANY_OK);

    call.accept(client);

    StubHub.Received request = stub.take();
    SignatureHeader signature = SignatureHeader.parse(request.header("Signature").orElseThrow());
    assertThat(signature.keyId()).isEqualTo(ALICE);
    assertThat(signature.headers()).containsExactly("(request-target)", "host", "date");
    assertThat(request.header("Date")).contains(HttpDate.format(NOW));
    assertThat(HttpSignatures.verify(signature, request.method(), request.target(),
        name -> request.header(name), alice.publicKey())).isEqualTo(HttpSignatureVerdict.VALID);
  }

  @Test
  void signatureDoesNotVerifyForAnotherTarget() throws Exception {
    stub.respond(200, ANY_OK);
    client.inboxStats();

    StubHub.Received request = stub.take();
    SignatureHeader signature = SignatureHeader.parse(request.header("Signature").orElseThrow());
    assertThat(HttpSignatures.verify(signature, request.method(), request.target().replace("alice", "bob"),
        name -> request.header(name), alice.publicKey())).isEqualTo(HttpSignatureVerdict.INVALID_SIGNATURE);
  }

  @Test
  void agentIdsAndMessageIdsArePercentEncodedInPaths() throws Exception {
    stub.respond(200, ANY_OK).respond(200, ANY_OK);

    client.ack("m 1/x", AckOptions.none());
    client.distrust("agent://bob");

    assertThat(stub.take().target()).isEqualTo("/api/agents/agent%3A%2F%2Falice/messages/m%201%2Fx/ack");
    assertThat(stub.take().target()).isEqualTo("/api/agents/agent%3A%2F%2Falice/trusted/agent%3A%2F%2Fbob");
  }

  @Test
  void sendPostsAnEnvelopeSignedByTheAgentToTheRecipientsInbox() throws Exception {
    stub.respond(201, "{\"message_id\":\"m-7\",\"status\":\"queued\"}");
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("z", 1.0);
    body.put("f", 0.1f);
    body.put("big", new BigDecimal("12345678901234567890.10"));
    body.put("2", "index key");
    body.put("text", "é\u2028😀");

    SendResult result = client.send(Outgoing.to("agent://bob", "run_tests").withType("task.request")
        .withBody(body).withCorrelationId("c-1").withTtl(Duration.ofMinutes(5)).withId("m-7")
        .withIdempotencyKey("k-1"));

    assertThat(result).isEqualTo(new SendResult("m-7", "queued", false));
    StubHub.Received request = stub.take();
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.target()).isEqualTo("/api/agents/agent%3A%2F%2Fbob/messages");
    assertThat(request.header("Idempotency-Key")).contains("k-1");
    assertThat(request.header("Signature")).isEmpty();
    assertThat(request.header("Content-Type")).contains("application/json");
    ObjectNode envelope = (ObjectNode) request.json();
    assertThat(request.bodyText()).isEqualTo(JsJson.stringify(envelope));
    assertThat(EnvelopeSignature.verify(envelope, alice.publicKey())).isTrue();
    assertThat(envelope.get("signature").get("kid").asText()).isEqualTo("alice");
    assertThat(request.bodyText()).startsWith("{\"version\":\"1.0\",\"id\":\"m-7\",\"type\":\"task.request\","
        + "\"from\":\"agent://alice\",\"to\":\"agent://bob\",\"subject\":\"run_tests\",\"correlation_id\":\"c-1\","
        + "\"body\":{\"2\":\"index key\",\"z\":1,\"f\":0.1,\"big\":12345678901234567000,\"text\":\"é\u2028😀\"},"
        + "\"ttl_sec\":300,\"timestamp\":\"2026-01-15T10:20:30.000Z\",\"signature\":{");
  }

  @Test
  void duplicateSendIsReported() {
    stub.respond(200, "{\"message_id\":\"m-7\",\"status\":\"leased\",\"duplicate\":true}");

    assertThat(client.send(Outgoing.to("bob", "s")).duplicate()).isTrue();
  }

  @Test
  void rawEnvelopeIsSentExactlyAsGiven() throws Exception {
    stub.respond(201, "{\"message_id\":\"m-8\",\"status\":\"queued\"}");
    ObjectNode envelope = (ObjectNode) JsJson.parse("{\"version\":\"1.0\",\"from\":\"x\",\"body\":{\"n\":1.50}}");

    client.sendEnvelope("agent://bob", envelope, "k-2");

    StubHub.Received request = stub.take();
    assertThat(request.bodyText()).isEqualTo("{\"version\":\"1.0\",\"from\":\"x\",\"body\":{\"n\":1.5}}");
    assertThat(request.header("Idempotency-Key")).contains("k-2");
  }

  @Test
  void replyToAPulledMessageIsAddressedToItsSenderAndCorrelatedWithIt() throws Exception {
    stub.respond(200, "{\"message_id\":\"r-1\",\"status\":\"queued\"}");
    Pulled original = new Pulled("m 1", (ObjectNode) JsJson.parse("{\"from\":\"agent://bob\"}"), NOW, 1,
        Optional.of("lease-1"));

    client.reply(original, Outgoing.reply("done").withBody(Map.of("ok", true)));

    StubHub.Received request = stub.take();
    assertThat(request.target()).isEqualTo("/api/agents/agent%3A%2F%2Falice/messages/m%201/reply");
    ObjectNode envelope = (ObjectNode) request.json();
    assertThat(envelope.get("to").asText()).isEqualTo("agent://bob");
    assertThat(envelope.get("correlation_id").asText()).isEqualTo("m 1");
    assertThat(EnvelopeSignature.verify(envelope, alice.publicKey())).isTrue();
  }

  @Test
  void replyByIdLeavesRecipientAndCorrelationToTheHub() throws Exception {
    stub.respond(200, "{\"message_id\":\"r-1\",\"status\":\"queued\"}");

    client.reply("m-1", Outgoing.reply("done"));

    ObjectNode envelope = (ObjectNode) stub.take().json();
    assertThat(envelope.has("to")).isFalse();
    assertThat(envelope.has("correlation_id")).isFalse();
    assertThat(EnvelopeSignature.signingBase(envelope)).endsWith("\nagent://alice\n\n");
    assertThat(EnvelopeSignature.verify(envelope, alice.publicKey())).isTrue();
  }

  @Test
  void pullSendsItsOptionsAndReadsASingleMessage() throws Exception {
    stub.respond(200, """
        {"message_id":"m-1","envelope":{"from":"agent://bob","subject":"s","body":{"n":1}},
         "lease_until":1768472490000,"attempts":2,"lease_id":"lease-1"}""");

    List<Pulled> pulled = client.pull(PullOptions.defaults().withVisibility(Duration.ofMillis(1500))
        .withWait(Duration.ofSeconds(2)));

    assertThat(stub.take().json()).isEqualTo(JsJson.parse("{\"visibility_timeout\":2,\"wait_sec\":2}"));
    assertThat(pulled).singleElement().satisfies(p -> {
      assertThat(p.messageId()).isEqualTo("m-1");
      assertThat(p.from()).isEqualTo("agent://bob");
      assertThat(p.subject()).isEqualTo("s");
      assertThat(p.body().get("n").asInt()).isEqualTo(1);
      assertThat(p.leaseUntil()).isEqualTo(Instant.ofEpochMilli(1768472490000L));
      assertThat(p.attempts()).isEqualTo(2);
      assertThat(p.leaseId()).contains("lease-1");
    });
  }

  @Test
  void pullOfABatchReadsEveryMessage() throws Exception {
    stub.respond(200, """
        {"messages":[{"message_id":"m-1","envelope":{},"lease_until":1,"attempts":1,"lease_id":"a"},
                     {"message_id":"m-2","envelope":{},"lease_until":1,"attempts":1}]}""");

    List<Pulled> pulled = client.pull(PullOptions.defaults().withMaxMessages(10));

    assertThat(stub.take().json().get("max_messages").asInt()).isEqualTo(10);
    assertThat(pulled).extracting(Pulled::messageId).containsExactly("m-1", "m-2");
    assertThat(pulled.get(1).leaseId()).isEmpty();
  }

  @Test
  void pullOfAnEmptyInboxIsEmpty() {
    stub.respond(204, "").respond(204, "");

    assertThat(client.pull()).isEmpty();
    assertThat(client.pull(PullOptions.defaults().withMaxMessages(5))).isEmpty();
  }

  @Test
  void ackOfAPulledMessageIsConditionalOnItsLease() throws Exception {
    stub.respond(200, "{\"ok\":true}");
    Pulled pulled = new Pulled("m-1", JsonNodeFactory.instance.objectNode(), NOW, 1, Optional.of("lease-1"));

    client.ack(pulled);

    assertThat(stub.take().json()).isEqualTo(JsJson.parse("{\"lease_id\":\"lease-1\"}"));
  }

  @Test
  void ackCarriesAResult() throws Exception {
    stub.respond(200, "{\"ok\":true}");

    client.ack("m-1", AckOptions.none().withResult(Map.of("passed", 12)).withLease("l"));

    assertThat(stub.take().json()).isEqualTo(JsJson.parse("{\"result\":{\"passed\":12},\"lease_id\":\"l\"}"));
  }

  @Test
  void nackExtendsOrRequeuesWithDelay() throws Exception {
    stub.respond(200, "{\"ok\":true,\"status\":\"leased\",\"lease_until\":1768472490000}")
        .respond(200, "{\"ok\":true,\"status\":\"queued\",\"lease_until\":null}");
    Pulled pulled = new Pulled("m-1", JsonNodeFactory.instance.objectNode(), NOW, 1, Optional.of("lease-1"));

    NackResult extended = client.nack(pulled, NackOptions.extend(Duration.ofSeconds(30)));
    NackResult requeued = client.nack("m-1", NackOptions.requeueAfter(Duration.ofSeconds(5)));

    assertThat(stub.take().json()).isEqualTo(JsJson.parse("{\"extend_sec\":30,\"lease_id\":\"lease-1\"}"));
    assertThat(stub.take().json()).isEqualTo(JsJson.parse("{\"requeue\":true,\"delay_sec\":5}"));
    assertThat(extended).isEqualTo(new NackResult("leased", Optional.of(Instant.ofEpochMilli(1768472490000L))));
    assertThat(requeued).isEqualTo(new NackResult("queued", Optional.empty()));
  }

  @Test
  void statusIsRead() {
    stub.respond(200, """
        {"id":"m-1","status":"acked","created_at":1000,"updated_at":2000,"attempts":1,"lease_until":null,
         "acked_at":2000}""");

    assertThat(client.status("m-1")).isEqualTo(new MessageStatus("m-1", "acked", Instant.ofEpochMilli(1000),
        Instant.ofEpochMilli(2000), 1, Optional.empty(), Optional.of(Instant.ofEpochMilli(2000))));
  }

  @Test
  void hubErrorBecomesAnExceptionWithTheHubsCode() {
    stub.respond(409, "{\"error\":\"LEASE_LOST\",\"message\":\"lease of m-1 is no longer current\"}");

    assertThatThrownBy(() -> client.ack("m-1", AckOptions.none().withLease("old")))
        .isInstanceOfSatisfying(AdmpClientException.class, e -> {
          assertThat(e.status()).isEqualTo(409);
          assertThat(e.code()).isEqualTo("LEASE_LOST");
          assertThat(e.kind()).isEqualTo(AdmpClientException.Kind.CONFLICT);
          assertThat(e.getMessage()).contains("lease of m-1 is no longer current");
        });
  }

  @Test
  void errorWithoutAnErrorBodyIsNamedAfterTheStatus() {
    stub.respond(502, "<html>bad gateway</html>");

    assertThatThrownBy(() -> client.inboxStats())
        .isInstanceOfSatisfying(AdmpClientException.class, e -> {
          assertThat(e.code()).isEqualTo("HTTP_502");
          assertThat(e.kind()).isEqualTo(AdmpClientException.Kind.SERVER_ERROR);
        });
  }

  @Test
  void malformedSuccessfulResponseIsAnInvalidResponse() {
    stub.respond(200, "{not json");

    assertThatThrownBy(() -> client.inboxStats())
        .isInstanceOfSatisfying(AdmpClientException.class,
            e -> assertThat(e.code()).isEqualTo(AdmpClientException.INVALID_RESPONSE));
  }

  @Test
  void unreachableHubIsATransportError() {
    URI closed = stub.url();
    stub.close();

    try (AdmpClient unreachable = AdmpClient.builder(closed).timeout(Duration.ofSeconds(5)).build()) {
      assertThatThrownBy(unreachable::stats)
          .isInstanceOfSatisfying(AdmpClientException.class, e -> {
            assertThat(e.code()).isEqualTo(AdmpClientException.CONNECTION_FAILED);
            assertThat(e.status()).isZero();
            assertThat(e.kind()).isEqualTo(AdmpClientException.Kind.TRANSPORT);
          });
    }
  }

  @Test
  void apiKeyIsSentOnEveryRequest() throws Exception {
    stub.respond(200, "{\"status\":\"healthy\",\"version\":\"0.1.0\",\"storage\":\"memory\"}")
        .respond(200, "{\"agents\":{\"total\":2,\"online\":1,\"offline\":1},\"messages\":{\"total\":5,\"queued\":4}}");
    try (AdmpClient keyed = AdmpClient.builder(stub.url()).apiKey("master-key").build()) {
      assertThat(keyed.health()).isEqualTo(new Health("healthy", Optional.of("0.1.0"), Optional.of("memory")));
      assertThat(keyed.stats()).isEqualTo(new HubStats(2, 1, 1, new InboxStats(5, 4, 0, 0, 0, 0, 0)));
    }

    assertThat(stub.take().header("X-API-Key")).contains("master-key");
    assertThat(stub.take().header("X-API-Key")).contains("master-key");
  }

  @Test
  void unhealthyHubIsAnswerNotException() {
    stub.respond(503, "{\"status\":\"unhealthy\"}");

    assertThat(client.health().healthy()).isFalse();
  }

  @Test
  void registerWithGeneratedKeysSendsOnlyThePublicKey() throws Exception {
    stub.respond(201, "{\"agent_id\":\"agent://carol\",\"agent_type\":\"worker\",\"public_key\":\"x\","
        + "\"webhook_url\":null,\"webhook_secret\":null}");
    RegisterRequest request = RegisterRequest.named("agent://carol").withType("worker")
        .withMetadata(Map.of("team", "qa")).withGeneratedKeys();

    Registered carol = client.register(request);

    JsonNode sent = stub.take().json();
    Ed25519.KeyPair pair = request.keyPair().orElseThrow();
    assertThat(sent).isEqualTo(JsJson.parse("{\"agent_id\":\"agent://carol\",\"agent_type\":\"worker\","
        + "\"metadata\":{\"team\":\"qa\"},\"public_key\":\"" + Ed25519.encode(pair.publicKey()) + "\"}"));
    assertThat(carol.secretKey()).isEqualTo(pair.secretKey());
    assertThat(carol.agentType()).isEqualTo("worker");
    assertThat(carol.webhookUrl()).isEmpty();
  }

  @Test
  void registerWithHubKeysKeepsTheSecretTheHubReturned() {
    Ed25519.KeyPair hubMade = Ed25519.generate();
    stub.respond(201, "{\"agent_id\":\"agent://agent-1\",\"agent_type\":\"generic\",\"public_key\":\""
        + Ed25519.encode(hubMade.publicKey()) + "\",\"secret_key\":\"" + Ed25519.encode(hubMade.secretKey())
        + "\",\"webhook_url\":null,\"webhook_secret\":null}");

    Registered registered = client.register(RegisterRequest.unnamed());

    assertThat(registered.secretKey()).isEqualTo(hubMade.secretKey());
    assertThat(registered.publicKey()).isEqualTo(hubMade.publicKey());
    assertThat(registered.toString()).doesNotContain(Ed25519.encode(hubMade.secretKey())).contains("redacted");
    assertThat(client.withAgent(registered).agentId()).contains("agent://agent-1");
  }

  @Test
  void secretsNeverAppearInToString() {
    RegisterRequest request = RegisterRequest.named("a").withWebhook("http://h", "hook-secret").withGeneratedKeys();

    assertThat(request.toString()).doesNotContain("hook-secret")
        .doesNotContain(Ed25519.encode(request.keyPair().orElseThrow().secretKey()));
    assertThat(new WebhookConfig("a", "http://h", "hook-secret").toString()).doesNotContain("hook-secret");
    assertThat(client.toString()).doesNotContain(Ed25519.encode(alice.secretKey())).contains(ALICE);
  }

  @Test
  void agentScopedCallWithoutAnAgentIsRefusedBeforeSending() {
    try (AdmpClient anonymous = AdmpClient.builder(stub.url()).build()) {
      assertThatThrownBy(anonymous::inboxStats).isInstanceOf(IllegalStateException.class);
      assertThatThrownBy(() -> anonymous.send(Outgoing.to("bob", "s"))).isInstanceOf(IllegalStateException.class);
    }
  }

  @Test
  void builderRefusesAMalformedSecretKeyOrUrl() {
    byte[] mismatched = alice.secretKey();
    mismatched[63] ^= 1;

    assertThatThrownBy(() -> AdmpClient.builder(stub.url()).agent(ALICE, new byte[32]))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> AdmpClient.builder(stub.url()).agent(ALICE, mismatched))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> AdmpClient.builder(URI.create("ftp://hub"))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> AdmpClient.builder(URI.create("/relative"))).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void baseUrlPathPrefixIsKeptAndSigned() throws Exception {
    stub.respond(200, "{\"total\":1}");
    try (AdmpClient prefixed = AdmpClient.builder(URI.create(stub.url() + "/hub/")).agent(ALICE, alice.secretKey())
        .build()) {
      assertThat(prefixed.inboxStats().total()).isEqualTo(1);
    }

    StubHub.Received request = stub.take();
    assertThat(request.target()).isEqualTo("/hub/api/agents/agent%3A%2F%2Falice/inbox/stats");
    assertThat(HttpSignatures.verify(SignatureHeader.parse(request.header("Signature").orElseThrow()),
        request.method(), request.target(), request::header, alice.publicKey())).isEqualTo(HttpSignatureVerdict.VALID);
  }

  @Test
  void hostHeaderIsComputedAsTheJdkClientSendsIt() {
    assertThat(HubConnection.hostHeader(URI.create("http://hub.example.com/x"))).isEqualTo("hub.example.com");
    assertThat(HubConnection.hostHeader(URI.create("http://hub:80/x"))).isEqualTo("hub");
    assertThat(HubConnection.hostHeader(URI.create("https://hub:443/x"))).isEqualTo("hub");
    assertThat(HubConnection.hostHeader(URI.create("https://hub:8443/x"))).isEqualTo("hub:8443");
    assertThat(HubConnection.requestTarget(URI.create("http://hub"))).isEqualTo("/");
    assertThat(HubConnection.requestTarget(URI.create("http://hub/a%2Fb?x=%20"))).isEqualTo("/a%2Fb?x=%20");
  }
}
