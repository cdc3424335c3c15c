package dev.admp.server.auth;

import static dev.admp.server.HubClient.enc;
import static dev.admp.server.HubClient.signed;
import static org.assertj.core.api.Assertions.assertThat;

import dev.admp.protocol.httpsig.HttpDate;
import dev.admp.protocol.httpsig.HttpSignatures;
import dev.admp.server.HubClient;
import dev.admp.server.HubClient.Response;
import dev.admp.server.TestAgent;
import dev.admp.server.TestHub;
import dev.admp.server.http.ApiServer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code AUTH_MODE=signature}: who may call agent-scoped routes, and every way a signature can be wrong. */
class SignatureAuthTest {
  /** Routes open without an HTTP Signature: SEND and REPLY carry a signed envelope instead. */
  private static final Set<String> NOT_HTTP_SIGNED = Set.of("/agents/register", "/stats",
      "/agents/{id}/messages", "/agents/{id}/messages/{mid}/reply");

  private TestHub hub;
  private HubClient http;
  private final TestAgent alice = TestAgent.named("agent://alice");
  private final TestAgent bob = TestAgent.named("agent://bob");
  private final TestAgent carol = TestAgent.named("carol");
  private String bobPath;

  @BeforeEach
  void start() {
    hub = TestHub.signatureMode();
    http = hub.client();
    http.register(alice);
    http.register(bob);
    http.register(carol);
    bobPath = "/api/agents/" + enc(bob.id());
  }

  @AfterEach
  void stop() {
    hub.close();
  }

  private Response withSignature(String method, String target, String signature, Instant date) {
    HubClient client = http.unsigned().withHeader("Signature", signature);
    if (date != null) {
      client = client.withHeader("Date", HttpDate.format(date));
    }
    return client.send(method, target, method.equals("POST") ? "{}" : null);
  }

  private String host() {
    return "localhost:" + http.port();
  }

  @Test
  void everyAgentScopedRouteRefusesAnUnsignedRequest() {
    List<ApiServer.Route> scoped = hub.hub().routes().stream()
        .filter(r -> r.path().startsWith("/api/") || r.path().startsWith("/v1/"))
        .filter(r -> !NOT_HTTP_SIGNED.contains(r.path().substring(r.path().indexOf('/', 1))))
        .toList();

    assertThat(scoped).hasSize(2 * 15);
    for (ApiServer.Route route : scoped) {
      String target = route.path().replace("{id}", enc(bob.id())).replace("{mid}", "m-1").replace("{other}", "carol");
      Response response = http.unsigned().send(route.method(), target, route.method().equals("POST") ? "{}" : null);
      assertThat(response.status()).as(route.toString()).isEqualTo(401);
      assertThat(response.error()).as(route.toString()).isEqualTo("SIGNATURE_REQUIRED");
    }
  }

  @Test
  void signatureByTheAgentItselfIsAccepted() {
    assertThat(http.as(bob).post(bobPath + "/inbox/pull", "{}").status()).isEqualTo(204);
    assertThat(http.as(bob).get(bobPath + "/inbox/stats?verbose=1&x=%2F").status()).isEqualTo(200);
  }

  @Test
  void malformedSignatureHeaderIsSignatureInvalid() {
    Response response = withSignature("POST", bobPath + "/inbox/pull", "this is not a signature", hub.clock().instant());

    assertThat(response.status()).isEqualTo(401);
    assertThat(response.error()).isEqualTo("SIGNATURE_INVALID");
  }

  @Test
  void anotherAlgorithmIsUnsupported() {
    String signature = new ForgedSignature(bob.id(), "rsa-sha256", HttpSignatures.SIGNED_HEADERS,
        bob.keys().secretKey()).sign("POST", bobPath + "/inbox/pull", host(), hub.clock().instant());

    Response response = withSignature("POST", bobPath + "/inbox/pull", signature, hub.clock().instant());

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.error()).isEqualTo("UNSUPPORTED_ALGORITHM");
  }

  @ParameterizedTest(name = "headers=\"{0}\"")
  @ValueSource(strings = {"(request-target) host", "host date", "date"})
  void signingWithoutRequestTargetOrDateIsSignatureInvalid(String headers) {
    String signature = new ForgedSignature(bob.id(), "ed25519", List.of(headers.split(" ")), bob.keys().secretKey())
        .sign("POST", bobPath + "/inbox/pull", host(), hub.clock().instant());

    Response response = withSignature("POST", bobPath + "/inbox/pull", signature, hub.clock().instant());

    assertThat(response.status()).isEqualTo(401);
    assertThat(response.error()).isEqualTo("SIGNATURE_INVALID");
  }

  @Test
  void missingDateHeaderIsSignatureInvalid() {
    String signature = new ForgedSignature(bob.id(), "ed25519", HttpSignatures.SIGNED_HEADERS, bob.keys().secretKey())
        .sign("POST", bobPath + "/inbox/pull", host(), hub.clock().instant());

    Response response = withSignature("POST", bobPath + "/inbox/pull", signature, null);

    assertThat(response.status()).isEqualTo(401);
    assertThat(response.error()).isEqualTo("SIGNATURE_INVALID");
  }

  @ParameterizedTest(name = "{0} s")
  @ValueSource(longs = {-301, 301, -3600})
  void dateMoreThanFiveMinutesAwayIsRequestExpired(long offsetSeconds) {
    Instant date = hub.clock().instant().plusSeconds(offsetSeconds);
    String signature = new ForgedSignature(bob.id(), "ed25519", HttpSignatures.SIGNED_HEADERS, bob.keys().secretKey())
        .sign("POST", bobPath + "/inbox/pull", host(), date);

    Response response = withSignature("POST", bobPath + "/inbox/pull", signature, date);

    assertThat(response.status()).isEqualTo(401);
    assertThat(response.error()).isEqualTo("REQUEST_EXPIRED");
  }

  @ParameterizedTest(name = "{0} s")
  @ValueSource(longs = {-299, 299})
  void dateWithinFiveMinutesIsAccepted(long offsetSeconds) {
    Instant date = hub.clock().instant().plusSeconds(offsetSeconds);
    String signature = new ForgedSignature(bob.id(), "ed25519", HttpSignatures.SIGNED_HEADERS, bob.keys().secretKey())
        .sign("POST", bobPath + "/inbox/pull", host(), date);

    assertThat(withSignature("POST", bobPath + "/inbox/pull", signature, date).status()).isEqualTo(204);
  }

  @Test
  void signatureByAnotherAgentIsForbidden() {
    Response response = http.as(alice).post(bobPath + "/inbox/pull", "{}");

    assertThat(response.status()).isEqualTo(403);
    assertThat(response.error()).isEqualTo("FORBIDDEN");
  }

  @Test
  void signatureWithTheWrongKeyIsSignatureInvalid() {
    TestAgent impostor = TestAgent.named(bob.id());

    Response response = http.as(impostor).post(bobPath + "/inbox/pull", "{}");

    assertThat(response.status()).isEqualTo(401);
    assertThat(response.error()).isEqualTo("SIGNATURE_INVALID");
  }

  @Test
  void anotherKeyIdWithABadSignatureIsSignatureInvalidNotForbidden() {
    TestAgent fakeAlice = TestAgent.named(alice.id());

    Response response = http.as(fakeAlice).post(bobPath + "/inbox/pull", "{}");

    assertThat(response.status()).isEqualTo(401);
    assertThat(response.error()).isEqualTo("SIGNATURE_INVALID");
  }

  @Test
  void unknownAgentIsAgentNotFound() {
    TestAgent ghost = TestAgent.named("ghost");

    Response response = http.as(ghost).post("/api/agents/ghost/inbox/pull", "{}");

    assertThat(response.status()).isEqualTo(404);
    assertThat(response.error()).isEqualTo("AGENT_NOT_FOUND");
  }

  @Test
  void theRequestTargetIsThePathAsSentNotDecoded() {
    String signature = new ForgedSignature(bob.id(), "ed25519", HttpSignatures.SIGNED_HEADERS, bob.keys().secretKey())
        .sign("POST", "/api/agents/agent://bob/inbox/pull", host(), hub.clock().instant());

    Response response = withSignature("POST", bobPath + "/inbox/pull", signature, hub.clock().instant());

    assertThat(response.status()).isEqualTo(401);
    assertThat(response.error()).isEqualTo("SIGNATURE_INVALID");
  }

  @Test
  void theQueryIsPartOfTheRequestTarget() {
    String signature = new ForgedSignature(bob.id(), "ed25519", HttpSignatures.SIGNED_HEADERS, bob.keys().secretKey())
        .sign("GET", bobPath + "/inbox/stats", host(), hub.clock().instant());

    Response response = withSignature("GET", bobPath + "/inbox/stats?extra=1", signature, hub.clock().instant());

    assertThat(response.status()).isEqualTo(401);
  }

  @Test
  void aSignatureForAnotherMethodIsSignatureInvalid() {
    String signature = new ForgedSignature(bob.id(), "ed25519", HttpSignatures.SIGNED_HEADERS, bob.keys().secretKey())
        .sign("GET", bobPath, host(), hub.clock().instant());

    Response response = withSignature("DELETE", bobPath, signature, hub.clock().instant());

    assertThat(response.status()).isEqualTo(401);
    assertThat(http.as(bob).get(bobPath).status()).isEqualTo(200);
  }

  @Test
  void noAgentCanReadAnotherAgentsInboxMessagesOrStatus() {
    String id = http.send(alice, bob, "private").json().get("message_id").asText();
    String carolPath = "/api/agents/carol";

    assertThat(http.as(carol).post(bobPath + "/inbox/pull", "{}").status()).isEqualTo(403);
    assertThat(http.as(carol).get(bobPath + "/inbox/stats").status()).isEqualTo(403);
    assertThat(http.as(carol).get(bobPath).status()).isEqualTo(403);
    assertThat(http.as(carol).get(bobPath + "/webhook").status()).isEqualTo(403);
    Response status = http.as(carol).get("/api/messages/" + enc(id) + "/status");
    assertThat(status.status()).isEqualTo(404);
    assertThat(status.error()).isEqualTo("MESSAGE_NOT_FOUND");
    assertThat(http.unsigned().get("/api/messages/" + enc(id) + "/status").status()).isEqualTo(401);
    Response pulledByCarol = http.as(carol).post(carolPath + "/inbox/pull", "{}");
    assertThat(pulledByCarol.status()).isEqualTo(204);

    http.as(bob).post(bobPath + "/inbox/pull", "{}");
    Response ackByCarol = http.as(carol).post(carolPath + "/messages/" + enc(id) + "/ack", "{}");
    assertThat(ackByCarol.status()).isEqualTo(400);
    assertThat(ackByCarol.error()).isEqualTo("ACK_FAILED");
    Response nackByCarol = http.as(carol).post(carolPath + "/messages/" + enc(id) + "/nack", "{}");
    assertThat(nackByCarol.error()).isEqualTo("NACK_FAILED");
    Response replyByCarol = http.post(carolPath + "/messages/" + enc(id) + "/reply",
        signed(http.envelope(carol, null, "hijack"), carol));
    assertThat(replyByCarol.error()).isEqualTo("MESSAGE_NOT_FOUND");

    assertThat(http.as(alice).get("/api/messages/" + enc(id) + "/status").json().get("status").asText())
        .isEqualTo("leased");
    assertThat(http.as(bob).get("/api/messages/" + enc(id) + "/status").status()).isEqualTo(200);
  }

  @Test
  void nobodyCanDeleteOrReconfigureAnotherAgent() {
    assertThat(http.as(carol).delete(bobPath).status()).isEqualTo(403);
    assertThat(http.as(carol).post(bobPath + "/trusted", "{\"agent_id\":\"carol\"}").status()).isEqualTo(403);
    assertThat(http.as(carol).post(bobPath + "/webhook", "{\"webhook_url\":\"http://evil.test/\"}").status())
        .isEqualTo(403);
    assertThat(http.as(bob).get(bobPath).json().get("webhook_url").isNull()).isTrue();
    assertThat(http.as(bob).get(bobPath + "/trusted").json().get("trusted_agents")).isEmpty();
  }

  @Test
  void unsignedEnvelopeIsInvalidSignature() {
    Response sent = http.post(bobPath + "/messages", http.envelope(alice, bob.id(), "unsigned"));

    assertThat(sent.status()).isEqualTo(403);
    assertThat(sent.error()).isEqualTo("INVALID_SIGNATURE");
  }

  @Test
  void aClockSkewedHubStillAcceptsFreshRequests() {
    hub.clock().advance(Duration.ofMinutes(1));

    assertThat(http.as(bob).post(bobPath + "/inbox/pull", "{}").status()).isEqualTo(204);
  }
}
