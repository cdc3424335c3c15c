package dev.admp.server.api;

import static dev.admp.server.HubClient.enc;
import static dev.admp.server.HubClient.signed;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.admp.protocol.crypto.Ed25519;
import dev.admp.protocol.envelope.EnvelopeSignature;
import dev.admp.protocol.json.JsJson;
import dev.admp.server.HubClient;
import dev.admp.server.HubClient.Response;
import dev.admp.server.TestAgent;
import dev.admp.server.TestHub;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every route of {@code API.md} over real HTTP, with signed requests (which both auth modes
 * accept); subclasses run it in each mode. Ids are agent:// ids put in paths with
 * {@code encodeURIComponent}, as JavaScript clients do.
 */
abstract class ApiContractTest {
  private TestHub hub;
  private HubClient http;
  private final TestAgent alice = TestAgent.named("agent://alice");
  private final TestAgent bob = TestAgent.named("agent://bob");

  abstract TestHub startHub();

  @BeforeEach
  void start() {
    hub = startHub();
    http = hub.client();
    assertThat(http.register(alice).status()).isEqualTo(201);
    assertThat(http.register(bob).status()).isEqualTo(201);
  }

  @AfterEach
  void stop() {
    hub.close();
  }

  private String agentPath(TestAgent agent, String rest) {
    return "/api/agents/" + enc(agent.id()) + rest;
  }

  private ObjectNode object(String... keyValues) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    for (int i = 0; i < keyValues.length; i += 2) {
      node.put(keyValues[i], keyValues[i + 1]);
    }
    return node;
  }

  // ---- health, stats, docs

  @Test
  void healthReportsHealthyStorage() {
    Response health = http.get("/health");

    assertThat(health.status()).isEqualTo(200);
    assertThat(health.json().get("status").asText()).isEqualTo("healthy");
    assertThat(health.json().get("storage").asText()).isEqualTo(hub.storage());
    assertThat(health.json().get("version").asText()).isNotBlank();
    assertThat(health.json().get("timestamp").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
  }

  @Test
  void hubStatsCountAgentsAndMessages() {
    http.send(alice, bob, "one");

    JsonNode stats = http.get("/api/stats").json();

    assertThat(stats.get("agents").get("total").asInt()).isEqualTo(2);
    assertThat(stats.get("agents").get("online").asInt()).isEqualTo(2);
    assertThat(stats.get("agents").get("offline").asInt()).isZero();
    assertThat(stats.get("messages").get("total").asInt()).isEqualTo(1);
    assertThat(stats.get("messages").get("queued").asInt()).isEqualTo(1);
    assertThat(stats.get("messages").get("failed").asInt()).isZero();
  }

  @Test
  void metricsAreInPrometheusFormat() {
    http.send(alice, bob, "one");

    Response metrics = http.get("/metrics");

    assertThat(metrics.status()).isEqualTo(200);
    assertThat(metrics.header("content-type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/plain"));
    assertThat(metrics.body()).contains("admp_messages_sent_total 1.0", "admp_store_round_trips_total{backend=\"" + hub.storage() + "\"}",
        "http_server_requests_seconds_count{method=\"POST\",route=\"/api/agents/{id}/messages\",status=\"201\"}");
  }

  @Test
  void openApiAndDocsAreServed() {
    Response openApi = http.get("/openapi.json");
    Response docs = http.get("/docs");

    assertThat(openApi.status()).isEqualTo(200);
    assertThat(openApi.json().get("openapi").asText()).startsWith("3.0");
    assertThat(docs.status()).isEqualTo(200);
    assertThat(docs.header("content-type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
    assertThat(docs.body()).contains("/api/agents/{id}/inbox/pull");
  }

  // ---- agents

  @Test
  void registerWithoutKeyReturnsAGeneratedPairThatSigns() {
    Response response = http.post("/api/agents/register", object("agent_id", "carol", "agent_type", "worker"));

    assertThat(response.status()).isEqualTo(201);
    JsonNode body = response.json();
    assertThat(body.get("agent_id").asText()).isEqualTo("carol");
    assertThat(body.get("agent_type").asText()).isEqualTo("worker");
    byte[] secret = Ed25519.decodeSecretKey(body.get("secret_key").asText());
    assertThat(Ed25519.publicKeyOf(secret)).isEqualTo(Ed25519.decodePublicKey(body.get("public_key").asText()));
    assertThat(body.get("webhook_url").isNull()).isTrue();
    assertThat(body.get("webhook_secret").isNull()).isTrue();
    JsonNode heartbeat = body.get("heartbeat");
    assertThat(heartbeat.get("last_heartbeat").asLong()).isEqualTo(hub.clock().millis());
    assertThat(heartbeat.get("interval_ms").asLong()).isEqualTo(60_000);
    assertThat(heartbeat.get("timeout_ms").asLong()).isEqualTo(300_000);
    assertThat(heartbeat.get("status").asText()).isEqualTo("online");
    TestAgent carol = new TestAgent("carol", Ed25519.KeyPair.of(secret));
    assertThat(http.as(carol).get("/api/agents/carol").status()).isEqualTo(200);
  }

  @Test
  void registerWithAKeyReturnsNoSecretAndAGeneratedIdWhenNoneIsGiven() {
    TestAgent anonymous = TestAgent.named("unused");
    Response response = http.post("/api/agents/register", object("public_key", anonymous.publicKey()));

    assertThat(response.status()).isEqualTo(201);
    assertThat(response.json().has("secret_key")).isFalse();
    assertThat(response.json().get("agent_id").asText()).matches("agent://agent-[0-9a-f-]{36}");
    assertThat(response.json().get("agent_type").asText()).isEqualTo("generic");
  }

  @Test
  void registeringATakenIdInEitherSpellingFails() {
    Response again = http.register(TestAgent.named("alice"));

    assertThat(again.status()).isEqualTo(400);
    assertThat(again.error()).isEqualTo("REGISTRATION_FAILED");
    assertThat(again.json().get("message").asText()).contains("already exists");
  }

  @Test
  void registeringAnInvalidIdIsInvalidAgentId() {
    Response response = http.post("/api/agents/register", object("agent_id", "no spaces"));

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.error()).isEqualTo("INVALID_AGENT_ID");
  }

  @Test
  void getAgentReturnsItAsRegisteredWithoutSecret() {
    Response response = http.as(alice).get(agentPath(alice, ""));

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json().get("agent_id").asText()).isEqualTo("agent://alice");
    assertThat(response.json().get("public_key").asText()).isEqualTo(alice.publicKey());
    assertThat(response.json().has("secret_key")).isFalse();
    assertThat(response.json().get("trusted_agents").isArray()).isTrue();
  }

  @Test
  void agentIdsWithoutPrefixNameTheSameAgent() {
    assertThat(http.as(alice).get("/api/agents/alice").json().get("agent_id").asText()).isEqualTo("agent://alice");
  }

  @Test
  void heartbeatMergesMetadataAndReportsOnline() {
    hub.clock().advance(Duration.ofSeconds(30));
    ObjectNode first = JsonNodeFactory.instance.objectNode();
    first.putObject("metadata").put("a", 1).put("b", "x");
    ObjectNode second = JsonNodeFactory.instance.objectNode();
    second.putObject("metadata").put("b", "y");

    http.as(alice).post(agentPath(alice, "/heartbeat"), first);
    Response response = http.as(alice).post(agentPath(alice, "/heartbeat"), second);

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json().get("ok").asBoolean()).isTrue();
    assertThat(response.json().get("status").asText()).isEqualTo("online");
    assertThat(response.json().get("last_heartbeat").asLong()).isEqualTo(hub.clock().millis());
    assertThat(response.json().get("timeout_at").asLong()).isEqualTo(hub.clock().millis() + 300_000);
    JsonNode metadata = http.as(alice).get(agentPath(alice, "")).json().get("metadata");
    assertThat(metadata.get("a").asInt()).isEqualTo(1);
    assertThat(metadata.get("b").asText()).isEqualTo("y");
  }

  @Test
  void agentGoesOfflineAfterTheHeartbeatTimeout() {
    hub.clock().advance(Duration.ofMinutes(6));
    http.as(bob).post(agentPath(bob, "/heartbeat"), "{}");

    JsonNode stats = http.get("/api/stats").json().get("agents");

    assertThat(stats.get("online").asInt()).isEqualTo(1);
    assertThat(stats.get("offline").asInt()).isEqualTo(1);
  }

  @Test
  void deleteRemovesTheAgent() {
    assertThat(http.as(alice).delete(agentPath(alice, "")).status()).isEqualTo(204);

    assertThat(http.get("/api/stats").json().get("agents").get("total").asInt()).isEqualTo(1);
    assertThat(http.register(alice).status()).isEqualTo(201);
  }

  @Test
  void trustListIsListedExtendedAndShrunk() {
    assertThat(http.as(bob).get(agentPath(bob, "/trusted")).json().get("trusted_agents")).isEmpty();

    Response added = http.as(bob).post(agentPath(bob, "/trusted"), object("agent_id", "agent://alice"));
    assertThat(added.status()).isEqualTo(200);
    assertThat(added.json().get("trusted_agents").get(0).asText()).isEqualTo("alice");
    http.as(bob).post(agentPath(bob, "/trusted"), object("agent_id", "carol"));

    Response removed = http.as(bob).delete(agentPath(bob, "/trusted/" + enc("agent://carol")));
    assertThat(removed.json().get("trusted_agents")).hasSize(1);
    assertThat(http.as(bob).get(agentPath(bob, "/trusted")).json().get("trusted_agents").get(0).asText())
        .isEqualTo("alice");
  }

  @Test
  void trustNeedsAnAgentId() {
    Response response = http.as(bob).post(agentPath(bob, "/trusted"), "{}");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.error()).isEqualTo("AGENT_ID_REQUIRED");
  }

  @Test
  void senderNotOnANonEmptyTrustListIsRefused() {
    http.as(bob).post(agentPath(bob, "/trusted"), object("agent_id", "carol"));

    Response response = http.send(alice, bob, "hello");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.error()).isEqualTo("SEND_FAILED");
    assertThat(response.json().get("message").asText()).contains("not trusted");
  }

  @Test
  void webhookIsSetReadAndRemoved() {
    Response set = http.as(bob).post(agentPath(bob, "/webhook"), object("webhook_url", "http://127.0.0.1:9/hook"));

    assertThat(set.status()).isEqualTo(200);
    assertThat(set.json().get("agent_id").asText()).isEqualTo("agent://bob");
    assertThat(set.json().get("webhook_url").asText()).isEqualTo("http://127.0.0.1:9/hook");
    assertThat(set.json().get("webhook_secret").asText()).hasSizeGreaterThanOrEqualTo(32);
    Response read = http.as(bob).get(agentPath(bob, "/webhook"));
    assertThat(read.json().get("webhook_configured").asBoolean()).isTrue();
    assertThat(read.json().get("webhook_url").asText()).isEqualTo("http://127.0.0.1:9/hook");

    Response removed = http.as(bob).delete(agentPath(bob, "/webhook"));
    assertThat(removed.json().get("message").asText()).isEqualTo("Webhook removed");
    assertThat(removed.json().get("webhook_configured").asBoolean()).isFalse();
    assertThat(http.as(bob).get(agentPath(bob, "/webhook")).json().get("webhook_configured").asBoolean()).isFalse();
  }

  @Test
  void webhookKeepsAGivenSecret() {
    Response set = http.as(bob).post(agentPath(bob, "/webhook"),
        object("webhook_url", "https://example.test/hook", "webhook_secret", "s3"));

    assertThat(set.json().get("webhook_secret").asText()).isEqualTo("s3");
  }

  @Test
  void webhookNeedsAnAbsoluteHttpUrl() {
    assertThat(http.as(bob).post(agentPath(bob, "/webhook"), "{}").error()).isEqualTo("WEBHOOK_URL_REQUIRED");
    Response bad = http.as(bob).post(agentPath(bob, "/webhook"), object("webhook_url", "ftp://x/y"));
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.error()).isEqualTo("INVALID_WEBHOOK_URL");
  }

  // ---- messages

  @Test
  void sendQueuesAndPullLeasesIt() {
    Response sent = http.send(alice, bob, "run_tests");

    assertThat(sent.status()).isEqualTo(201);
    assertThat(sent.json().get("status").asText()).isEqualTo("queued");
    String id = sent.json().get("message_id").asText();
    Response pulled = http.as(bob).post(agentPath(bob, "/inbox/pull"), "{}");
    assertThat(pulled.status()).isEqualTo(200);
    JsonNode message = pulled.json();
    assertThat(message.get("message_id").asText()).isEqualTo(id);
    assertThat(message.get("envelope").get("subject").asText()).isEqualTo("run_tests");
    assertThat(message.get("envelope").get("from").asText()).isEqualTo("agent://alice");
    assertThat(message.get("attempts").asInt()).isEqualTo(1);
    assertThat(message.get("lease_until").asLong()).isEqualTo(hub.clock().millis() + 60_000);
    assertThat(message.get("lease_id").asText()).isNotBlank();
  }

  @Test
  void unicodeAndEmojiEnvelopesArriveExactlyAndVerify() {
    ObjectNode envelope = http.envelope(alice, bob.id(), "\u00fcn\u00efc\u00f8d\u00e9 \uD83D\uDE00");
    envelope.putObject("body").put("text", "h\u00e9llo \uD83D\uDE00 \u2028 \u0000 \"q\" \\")
        .put("small", 0.1).put("big", 1e21).put("int", 42).putArray("list").add("\u4e2d\u6587").add(-0.0);
    signed(envelope, alice);

    Response sent = http.post(agentPath(bob, "/messages"), envelope);

    assertThat(sent.status()).isEqualTo(201);
    JsonNode received = http.as(bob).post(agentPath(bob, "/inbox/pull"), "{}").json().get("envelope");
    assertThat(received.get("subject").asText()).isEqualTo(envelope.get("subject").asText());
    assertThat(JsJson.stringify(received.get("body"))).isEqualTo(JsJson.stringify(envelope.get("body")));
    assertThat(EnvelopeSignature.verify((ObjectNode) received, alice.keys().publicKey())).isTrue();
  }

  @Test
  void sendTakesToFromThePathWhenAbsent() {
    ObjectNode envelope = signed(http.envelope(alice, null, "no-to"), alice);

    Response sent = http.post(agentPath(bob, "/messages"), envelope);

    assertThat(sent.status()).isEqualTo(201);
    JsonNode pulled = http.as(bob).post(agentPath(bob, "/inbox/pull"), "{}").json();
    assertThat(pulled.get("envelope").get("to").asText()).isEqualTo("agent://bob");
  }

  @Test
  void sendToAnotherInboxThanTheEnvelopeSaysIsToMismatch() {
    ObjectNode envelope = signed(http.envelope(alice, "agent://alice", "x"), alice);

    Response sent = http.post(agentPath(bob, "/messages"), envelope);

    assertThat(sent.status()).isEqualTo(400);
    assertThat(sent.error()).isEqualTo("TO_MISMATCH");
  }

  @Test
  void repeatedSendWithTheSameIdIsADuplicate() {
    ObjectNode envelope = http.envelope(alice, bob.id(), "once");
    envelope.put("id", "m-1");
    signed(envelope, alice);

    Response first = http.post(agentPath(bob, "/messages"), envelope);
    Response second = http.post(agentPath(bob, "/messages"), envelope);

    assertThat(first.status()).isEqualTo(201);
    assertThat(second.status()).isEqualTo(200);
    assertThat(second.json().get("message_id").asText()).isEqualTo("m-1");
    assertThat(second.json().get("status").asText()).isEqualTo("queued");
    assertThat(second.json().get("duplicate").asBoolean()).isTrue();
    assertThat(http.as(bob).get(agentPath(bob, "/inbox/stats")).json().get("total").asInt()).isEqualTo(1);
  }

  @Test
  void repeatedSendWithTheSameIdempotencyKeyIsADuplicate() {
    HubClient keyed = http.withHeader("Idempotency-Key", "k-1");
    ObjectNode first = signed(http.envelope(alice, bob.id(), "a"), alice);
    ObjectNode second = signed(http.envelope(alice, bob.id(), "b"), alice);

    Response one = keyed.post(agentPath(bob, "/messages"), first);
    Response two = keyed.post(agentPath(bob, "/messages"), second);

    assertThat(one.status()).isEqualTo(201);
    assertThat(two.status()).isEqualTo(200);
    assertThat(two.json().get("message_id").asText()).isEqualTo(one.json().get("message_id").asText());
  }

  @Test
  void anIdUsedByAnotherMessageIsAConflict() {
    ObjectNode toBob = http.envelope(alice, bob.id(), "x");
    toBob.put("id", "shared");
    ObjectNode toAlice = http.envelope(bob, alice.id(), "y");
    toAlice.put("id", "shared");

    http.post(agentPath(bob, "/messages"), signed(toBob, alice));
    Response conflict = http.post(agentPath(alice, "/messages"), signed(toAlice, bob));

    assertThat(conflict.status()).isEqualTo(409);
    assertThat(conflict.error()).isEqualTo("MESSAGE_ID_CONFLICT");
  }

  @Test
  void sendToAnUnknownRecipientIsRecipientNotFound() {
    TestAgent nobody = TestAgent.named("nobody");
    Response sent = http.post("/api/agents/nobody/messages", signed(http.envelope(alice, "nobody", "x"), alice));

    assertThat(sent.status()).isEqualTo(404);
    assertThat(sent.error()).isEqualTo("RECIPIENT_NOT_FOUND");
    assertThat(nobody.id()).isEqualTo("nobody");
  }

  @Test
  void sendFromAnUnregisteredSenderIsInvalidSignature() {
    TestAgent stranger = TestAgent.named("stranger");

    Response sent = http.send(stranger, bob, "x");

    assertThat(sent.status()).isEqualTo(403);
    assertThat(sent.error()).isEqualTo("INVALID_SIGNATURE");
  }

  @Test
  void sendSignedWithTheWrongKeyIsInvalidSignature() {
    ObjectNode forged = signed(http.envelope(alice, bob.id(), "x"), TestAgent.named("agent://alice"));

    Response sent = http.post(agentPath(bob, "/messages"), forged);

    assertThat(sent.status()).isEqualTo(403);
    assertThat(sent.error()).isEqualTo("INVALID_SIGNATURE");
  }

  @Test
  void sendWithAStaleTimestampIsInvalidTimestamp() {
    ObjectNode envelope = http.envelope(alice, bob.id(), "x");
    envelope.put("timestamp", hub.clock().instant().minus(Duration.ofMinutes(6)).toString());

    Response sent = http.post(agentPath(bob, "/messages"), signed(envelope, alice));

    assertThat(sent.status()).isEqualTo(400);
    assertThat(sent.error()).isEqualTo("INVALID_TIMESTAMP");
  }

  @Test
  void sendWithoutSubjectIsSendFailedNamingIt() {
    ObjectNode envelope = http.envelope(alice, bob.id(), "x");
    envelope.remove("subject");

    Response sent = http.post(agentPath(bob, "/messages"), signed(envelope, alice));

    assertThat(sent.status()).isEqualTo(400);
    assertThat(sent.error()).isEqualTo("SEND_FAILED");
    assertThat(sent.json().get("message").asText()).contains("subject");
  }

  @Test
  void pullOfAnEmptyInboxIsNoContent() {
    Response pulled = http.as(bob).post(agentPath(bob, "/inbox/pull"), "{}");

    assertThat(pulled.status()).isEqualTo(204);
    assertThat(pulled.body()).isEmpty();
  }

  @Test
  void batchPullReturnsMessagesInArrivalOrder() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      ids.add(http.send(alice, bob, "m" + i).json().get("message_id").asText());
    }

    Response pulled = http.as(bob).post(agentPath(bob, "/inbox/pull"), "{\"max_messages\":10}");

    assertThat(pulled.status()).isEqualTo(200);
    assertThat(pulled.json().get("messages").findValuesAsText("message_id")).containsExactlyElementsOf(ids);
  }

  @Test
  void batchPullOfOneMessageIsStillABatch() {
    http.send(alice, bob, "only");

    Response pulled = http.as(bob).post(agentPath(bob, "/inbox/pull"), "{\"max_messages\":2}");

    assertThat(pulled.json().get("messages")).hasSize(1);
  }

  @Test
  void visibilityTimeoutSetsTheLease() {
    http.send(alice, bob, "x");

    Response pulled = http.as(bob).post(agentPath(bob, "/inbox/pull"), "{\"visibility_timeout\":5}");

    assertThat(pulled.json().get("lease_until").asLong()).isEqualTo(hub.clock().millis() + 5_000);
  }

  @Test
  void ackedMessageIsDoneAndItsStatusSaysSo() {
    String id = http.send(alice, bob, "x").json().get("message_id").asText();
    http.as(bob).post(agentPath(bob, "/inbox/pull"), "{}");

    Response acked = http.as(bob).post(agentPath(bob, "/messages/" + enc(id) + "/ack"), "{\"result\":{\"ok\":1}}");

    assertThat(acked.status()).isEqualTo(200);
    assertThat(acked.json().get("ok").asBoolean()).isTrue();
    JsonNode status = http.as(alice).get("/api/messages/" + enc(id) + "/status").json();
    assertThat(status.get("id").asText()).isEqualTo(id);
    assertThat(status.get("status").asText()).isEqualTo("acked");
    assertThat(status.get("attempts").asInt()).isEqualTo(1);
    assertThat(status.get("acked_at").asLong()).isEqualTo(hub.clock().millis());
    assertThat(status.get("lease_until").isNull()).isTrue();
    assertThat(status.get("created_at").asLong()).isEqualTo(hub.clock().millis());
  }

  @Test
  void ackOfAQueuedMessageIsAckFailedNamingTheStatus() {
    String id = http.send(alice, bob, "x").json().get("message_id").asText();

    Response acked = http.as(bob).post(agentPath(bob, "/messages/" + enc(id) + "/ack"), "{}");

    assertThat(acked.status()).isEqualTo(400);
    assertThat(acked.error()).isEqualTo("ACK_FAILED");
    assertThat(acked.json().get("message").asText()).contains("queued");
  }

  @Test
  void ackOfAnUnknownMessageIsMessageNotFound() {
    Response acked = http.as(bob).post(agentPath(bob, "/messages/nope/ack"), "{}");

    assertThat(acked.status()).isEqualTo(404);
    assertThat(acked.error()).isEqualTo("MESSAGE_NOT_FOUND");
  }

  @Test
  void ackUnderAnOldLeaseIsLeaseLost() {
    String id = http.send(alice, bob, "x").json().get("message_id").asText();
    String firstLease = http.as(bob).post(agentPath(bob, "/inbox/pull"), "{\"visibility_timeout\":1}").json()
        .get("lease_id").asText();
    hub.clock().advance(Duration.ofSeconds(2));
    http.as(bob).post(agentPath(bob, "/inbox/reclaim"), "");
    http.as(bob).post(agentPath(bob, "/inbox/pull"), "{}");

    Response acked = http.as(bob).post(agentPath(bob, "/messages/" + enc(id) + "/ack"),
        object("lease_id", firstLease));

    assertThat(acked.status()).isEqualTo(409);
    assertThat(acked.error()).isEqualTo("LEASE_LOST");
  }

  @Test
  void nackRequeuesAndTheMessageIsPulledAgain() {
    String id = http.send(alice, bob, "x").json().get("message_id").asText();
    http.as(bob).post(agentPath(bob, "/inbox/pull"), "{}");

    Response nacked = http.as(bob).post(agentPath(bob, "/messages/" + enc(id) + "/nack"), "{\"requeue\":true}");

    assertThat(nacked.status()).isEqualTo(200);
    assertThat(nacked.json().get("status").asText()).isEqualTo("queued");
    assertThat(nacked.json().get("lease_until").isNull()).isTrue();
    JsonNode again = http.as(bob).post(agentPath(bob, "/inbox/pull"), "{}").json();
    assertThat(again.get("message_id").asText()).isEqualTo(id);
    assertThat(again.get("attempts").asInt()).isEqualTo(2);
  }

  @Test
  void nackWithDelayHidesTheMessageUntilThen() {
    String id = http.send(alice, bob, "x").json().get("message_id").asText();
    http.as(bob).post(agentPath(bob, "/inbox/pull"), "{}");
    http.as(bob).post(agentPath(bob, "/messages/" + enc(id) + "/nack"), "{\"delay_sec\":30}");

    assertThat(http.as(bob).post(agentPath(bob, "/inbox/pull"), "{}").status()).isEqualTo(204);
    hub.clock().advance(Duration.ofSeconds(30));
    assertThat(http.as(bob).post(agentPath(bob, "/inbox/pull"), "{}").status()).isEqualTo(200);
  }

  @Test
  void nackWithExtendKeepsTheLeaseLonger() {
    String id = http.send(alice, bob, "x").json().get("message_id").asText();
    long leaseUntil = http.as(bob).post(agentPath(bob, "/inbox/pull"), "{}").json().get("lease_until").asLong();

    Response nacked = http.as(bob).post(agentPath(bob, "/messages/" + enc(id) + "/nack"), "{\"extend_sec\":30}");

    assertThat(nacked.json().get("status").asText()).isEqualTo("leased");
    assertThat(nacked.json().get("lease_until").asLong()).isEqualTo(leaseUntil + 30_000);
  }

  @Test
  void nackUnderAnOldLeaseIsLeaseLost() {
    String id = http.send(alice, bob, "x").json().get("message_id").asText();
    String firstLease = http.as(bob).post(agentPath(bob, "/inbox/pull"), "{}").json().get("lease_id").asText();
    http.as(bob).post(agentPath(bob, "/messages/" + enc(id) + "/nack"), "{}");
    http.as(bob).post(agentPath(bob, "/inbox/pull"), "{}");

    Response nacked = http.as(bob).post(agentPath(bob, "/messages/" + enc(id) + "/nack"),
        object("lease_id", firstLease));

    assertThat(nacked.status()).isEqualTo(409);
    assertThat(nacked.error()).isEqualTo("LEASE_LOST");
  }

  @Test
  void nackOfAnUnknownMessageIsMessageNotFound() {
    Response nacked = http.as(bob).post(agentPath(bob, "/messages/nope/nack"), "{}");

    assertThat(nacked.status()).isEqualTo(404);
    assertThat(nacked.error()).isEqualTo("MESSAGE_NOT_FOUND");
  }

  @Test
  void nackOfAQueuedMessageIsNackFailed() {
    String id = http.send(alice, bob, "x").json().get("message_id").asText();

    Response nacked = http.as(bob).post(agentPath(bob, "/messages/" + enc(id) + "/nack"), "{}");

    assertThat(nacked.status()).isEqualTo(400);
    assertThat(nacked.error()).isEqualTo("NACK_FAILED");
  }

  @Test
  void replyGoesBackToTheSenderWithTheCorrelationId() {
    String id = http.send(alice, bob, "question").json().get("message_id").asText();
    http.as(bob).post(agentPath(bob, "/inbox/pull"), "{}");
    ObjectNode reply = signed(http.envelope(bob, null, "answer"), bob);

    Response replied = http.post(agentPath(bob, "/messages/" + enc(id) + "/reply"), reply);

    assertThat(replied.status()).isEqualTo(200);
    assertThat(replied.json().get("status").asText()).isEqualTo("queued");
    JsonNode received = http.as(alice).post(agentPath(alice, "/inbox/pull"), "{}").json().get("envelope");
    assertThat(received.get("subject").asText()).isEqualTo("answer");
    assertThat(received.get("to").asText()).isEqualTo("agent://alice");
    assertThat(received.get("correlation_id").asText()).isEqualTo(id);
  }

  @Test
  void replyAddressedToSomeoneElseIsSendFailed() {
    String id = http.send(alice, bob, "question").json().get("message_id").asText();

    Response replied = http.post(agentPath(bob, "/messages/" + enc(id) + "/reply"),
        signed(http.envelope(bob, "agent://bob", "answer"), bob));

    assertThat(replied.status()).isEqualTo(400);
    assertThat(replied.error()).isEqualTo("SEND_FAILED");
  }

  @Test
  void replyWithAnotherCorrelationIdIsSendFailed() {
    String id = http.send(alice, bob, "question").json().get("message_id").asText();
    ObjectNode reply = http.envelope(bob, null, "answer");
    reply.put("correlation_id", "something-else");

    Response replied = http.post(agentPath(bob, "/messages/" + enc(id) + "/reply"), signed(reply, bob));

    assertThat(replied.status()).isEqualTo(400);
    assertThat(replied.error()).isEqualTo("SEND_FAILED");
  }

  @Test
  void replyToAMessageOfAnotherInboxIsMessageNotFound() {
    String id = http.send(bob, alice, "to-alice").json().get("message_id").asText();

    Response replied = http.post(agentPath(bob, "/messages/" + enc(id) + "/reply"),
        signed(http.envelope(bob, null, "answer"), bob));

    assertThat(replied.status()).isEqualTo(404);
    assertThat(replied.error()).isEqualTo("MESSAGE_NOT_FOUND");
  }

  @Test
  void statusOfAnUnknownMessageIsMessageNotFound() {
    Response status = http.as(alice).get("/api/messages/nope/status");

    assertThat(status.status()).isEqualTo(404);
    assertThat(status.error()).isEqualTo("MESSAGE_NOT_FOUND");
  }

  @Test
  void inboxStatsCountByState() {
    http.send(alice, bob, "a");
    http.send(alice, bob, "b");
    http.as(bob).post(agentPath(bob, "/inbox/pull"), "{}");

    JsonNode stats = http.as(bob).get(agentPath(bob, "/inbox/stats")).json();

    assertThat(stats.get("total").asInt()).isEqualTo(2);
    assertThat(stats.get("queued").asInt()).isEqualTo(1);
    assertThat(stats.get("leased").asInt()).isEqualTo(1);
    assertThat(stats.get("acked").asInt()).isZero();
    assertThat(stats.get("failed").asInt()).isZero();
    assertThat(stats.get("expired").asInt()).isZero();
    assertThat(stats.get("dead").asInt()).isZero();
  }

  @Test
  void reclaimReturnsExpiredLeasesToTheQueue() {
    http.send(alice, bob, "a");
    http.as(bob).post(agentPath(bob, "/inbox/pull"), "{\"visibility_timeout\":1}");
    hub.clock().advance(Duration.ofSeconds(2));

    Response reclaimed = http.as(bob).post(agentPath(bob, "/inbox/reclaim"), "");

    assertThat(reclaimed.status()).isEqualTo(200);
    assertThat(reclaimed.json().get("reclaimed").asInt()).isEqualTo(1);
    assertThat(http.as(bob).get(agentPath(bob, "/inbox/stats")).json().get("queued").asInt()).isEqualTo(1);
  }

  @Test
  void v1IsAnAliasOfApi() {
    http.send(alice, bob, "x");

    Response pulled = http.as(bob).post("/v1/agents/" + enc(bob.id()) + "/inbox/pull", "{}");

    assertThat(pulled.status()).isEqualTo(200);
    assertThat(http.get("/v1/stats").json().get("agents").get("total").asInt()).isEqualTo(2);
  }

  @Test
  void unknownRouteIsNotFound() {
    Response response = http.get("/api/nope");

    assertThat(response.status()).isEqualTo(404);
    assertThat(response.error()).isEqualTo("NOT_FOUND");
  }
}
