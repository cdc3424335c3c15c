package dev.admp.server.api;

import static dev.admp.server.HubClient.enc;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.admp.protocol.httpsig.HttpSignatures;
import dev.admp.protocol.httpsig.SignedHeaders;
import dev.admp.protocol.json.JsJson;
import dev.admp.server.HubClient;
import dev.admp.server.RawHttp;
import dev.admp.server.TestAgent;
import dev.admp.server.TestHub;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile and sloppy requests get the documented 4xx — never a 500 — and change nothing: after
 * each one the hub's counts, an agent and a message are exactly as before.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputTest {
  private static final String BOB = "/api/agents/" + enc("agent://bob");
  private static final String MAX_BODY = "8192";

  private TestHub hub;
  private HubClient http;
  private RawHttp raw;
  private final TestAgent alice = TestAgent.named("agent://alice");
  private final TestAgent bob = TestAgent.named("agent://bob");
  private String messageId;
  private String before;

  /** The hub under test; a subclass runs the same requests on another storage backend. */
  TestHub startHub(Map<String, String> env) {
    return TestHub.start(env);
  }

  @BeforeAll
  void start() {
    hub = startHub(Map.of("MAX_BODY_BYTES", MAX_BODY));
    http = hub.client();
    raw = new RawHttp(hub.hub().port());
    http.register(alice);
    http.register(bob);
    messageId = http.send(alice, bob, "kept").json().get("message_id").asText();
    http.send(alice, bob, "queued");
    http.as(bob).post(BOB + "/inbox/pull", "{}");
    before = snapshot();
  }

  @AfterAll
  void stop() {
    hub.close();
  }

  @AfterEach
  void nothingChanged() {
    assertThat(snapshot()).isEqualTo(before);
  }

  /** Hub counts, bob as stored and the leased message's status, as one string. */
  private String snapshot() {
    return http.get("/api/stats").body() + "\n" + http.as(bob).get(BOB).body() + "\n"
        + http.as(alice).get("/api/messages/" + enc(messageId) + "/status").body();
  }

  /** Sends as {@code signer} (null: unsigned), over a raw socket so any target and body can be sent. */
  private RawHttp.Response send(String method, String target, String body, TestAgent signer) throws Exception {
    List<String> headers = new ArrayList<>();
    if (signer != null) {
      SignedHeaders signed = HttpSignatures.sign(method, target, "localhost:" + hub.hub().port(),
          hub.clock().instant(), signer.id(), signer.keys().secretKey());
      headers.add("Date: " + signed.date());
      headers.add("Signature: " + signed.signature());
    }
    return raw.send(method, target, body, headers.toArray(String[]::new));
  }

  private static void assertError(RawHttp.Response response, int status, String code) {
    assertThat(response.status()).as(response.body()).isEqualTo(status);
    JsonNode body = JsJson.parse(response.body());
    assertThat(body.get("error").asText()).isEqualTo(code);
    assertThat(body.get("message").asText()).isNotBlank();
  }

  private String envelope(String... overrides) {
    ObjectNode envelope = HubClient.signed(http.envelope(alice, bob.id(), "s"), alice);
    for (int i = 0; i < overrides.length; i += 2) {
      envelope.set(overrides[i], JsJson.parse(overrides[i + 1]));
    }
    return JsJson.stringify(envelope);
  }

  static Stream<Arguments> badBodies() {
    return Stream.of(
        // malformed JSON
        Arguments.of("register", "{", 400, "INVALID_JSON"),
        Arguments.of("register", "{\"agent_id\":\"x\",}", 400, "INVALID_JSON"),
        Arguments.of("register", "{'agent_id':'x'}", 400, "INVALID_JSON"),
        Arguments.of("register", "{} []", 400, "INVALID_JSON"),
        Arguments.of("send", "not json", 400, "INVALID_JSON"),
        Arguments.of("pull", "{\"max_messages\":", 400, "INVALID_JSON"),
        Arguments.of("ack", "}", 400, "INVALID_JSON"),
        // deeply nested
        Arguments.of("register", "[".repeat(100_000).substring(0, 8000), 400, "INVALID_JSON"),
        Arguments.of("send", "{\"body\":" + "[".repeat(300) + "]".repeat(300) + "}", 400, "INVALID_JSON"),
        // JSON that is not an object
        Arguments.of("register", "[]", 400, "REGISTRATION_FAILED"),
        Arguments.of("register", "\"agent\"", 400, "REGISTRATION_FAILED"),
        Arguments.of("send", "[1]", 400, "SEND_FAILED"),
        Arguments.of("send", "null", 400, "SEND_FAILED"),
        Arguments.of("pull", "[]", 400, "INVALID_REQUEST"),
        Arguments.of("nack", "42", 400, "INVALID_REQUEST"),
        // wrong types, out of range, huge numbers
        Arguments.of("register", "{\"agent_id\":42}", 400, "INVALID_AGENT_ID"),
        Arguments.of("register", "{\"agent_type\":7}", 400, "REGISTRATION_FAILED"),
        Arguments.of("register", "{\"metadata\":\"x\"}", 400, "REGISTRATION_FAILED"),
        Arguments.of("register", "{\"metadata\":[1,2]}", 400, "REGISTRATION_FAILED"),
        Arguments.of("register", "{\"public_key\":\"not base64!\"}", 400, "REGISTRATION_FAILED"),
        Arguments.of("register", "{\"public_key\":\"AAAA\"}", 400, "REGISTRATION_FAILED"),
        Arguments.of("register", "{\"public_key\":1e400}", 400, "REGISTRATION_FAILED"),
        Arguments.of("register", "{\"webhook_url\":\"javascript:alert(1)\"}", 400, "REGISTRATION_FAILED"),
        Arguments.of("pull", "{\"max_messages\":\"ten\"}", 400, "INVALID_REQUEST"),
        Arguments.of("pull", "{\"max_messages\":0}", 400, "INVALID_REQUEST"),
        Arguments.of("pull", "{\"max_messages\":2.5}", 400, "INVALID_REQUEST"),
        Arguments.of("pull", "{\"max_messages\":1e308}", 400, "INVALID_REQUEST"),
        Arguments.of("pull", "{\"visibility_timeout\":1e400}", 400, "INVALID_REQUEST"),
        Arguments.of("pull", "{\"visibility_timeout\":123456789012345678901234567890}", 400, "INVALID_REQUEST"),
        Arguments.of("pull", "{\"visibility_timeout\":-1}", 400, "INVALID_REQUEST"),
        Arguments.of("pull", "{\"visibility_timeout\":true}", 400, "INVALID_REQUEST"),
        Arguments.of("pull", "{\"wait_sec\":21}", 400, "INVALID_REQUEST"),
        Arguments.of("pull", "{\"wait_sec\":{}}", 400, "INVALID_REQUEST"),
        Arguments.of("ack", "{\"lease_id\":5}", 400, "INVALID_REQUEST"),
        Arguments.of("nack", "{\"extend_sec\":\"x\"}", 400, "INVALID_REQUEST"),
        Arguments.of("nack", "{\"extend_sec\":0}", 400, "INVALID_REQUEST"),
        Arguments.of("nack", "{\"delay_sec\":-1}", 400, "INVALID_REQUEST"),
        Arguments.of("nack", "{\"requeue\":\"yes\"}", 400, "INVALID_REQUEST"),
        Arguments.of("heartbeat", "{\"metadata\":[1]}", 400, "INVALID_REQUEST"),
        Arguments.of("trust", "{\"agent_id\":7}", 400, "INVALID_AGENT_ID"),
        Arguments.of("trust", "{\"agent_id\":\"bad id\"}", 400, "INVALID_AGENT_ID"),
        Arguments.of("webhook", "{\"webhook_url\":5}", 400, "INVALID_WEBHOOK_URL"),
        Arguments.of("webhook", "{\"webhook_url\":\"not a url\"}", 400, "INVALID_WEBHOOK_URL"),
        // missing fields
        Arguments.of("trust", "{}", 400, "AGENT_ID_REQUIRED"),
        Arguments.of("trust", "{\"agent_id\":null}", 400, "AGENT_ID_REQUIRED"),
        Arguments.of("webhook", "{}", 400, "WEBHOOK_URL_REQUIRED"),
        Arguments.of("send", "{}", 400, "SEND_FAILED"),
        // invalid agent ids
        Arguments.of("register", "{\"agent_id\":\"a/b\"}", 400, "INVALID_AGENT_ID"),
        Arguments.of("register", "{\"agent_id\":\"a b\"}", 400, "INVALID_AGENT_ID"),
        Arguments.of("register", "{\"agent_id\":\"a\\nb\"}", 400, "INVALID_AGENT_ID"),
        Arguments.of("register", "{\"agent_id\":\"" + "x".repeat(129) + "\"}", 400, "INVALID_AGENT_ID"),
        Arguments.of("register", "{\"agent_id\":\"agent://\"}", 400, "INVALID_AGENT_ID"),
        Arguments.of("register", "{\"agent_id\":\"agent://agent://x\"}", 400, "INVALID_AGENT_ID"),
        Arguments.of("register", "{\"agent_id\":\"\u00fcber\"}", 400, "INVALID_AGENT_ID"),
        Arguments.of("register", "{\"agent_id\":\"\uD83D\uDE00\"}", 400, "INVALID_AGENT_ID"),
        Arguments.of("register", "{\"agent_id\":\"agent://bob\"}", 400, "REGISTRATION_FAILED"),
        Arguments.of("register", "{\"agent_id\":\"bob\"}", 400, "REGISTRATION_FAILED"));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("badBodies")
  void badBodyIsTheDocumentedFourHundred(String route, String body, int status, String code) throws Exception {
    RawHttp.Response response = switch (route) {
      case "register" -> send("POST", "/api/agents/register", body, null);
      case "send" -> send("POST", BOB + "/messages", body, null);
      case "pull" -> send("POST", BOB + "/inbox/pull", body, bob);
      case "ack" -> send("POST", BOB + "/messages/" + enc(messageId) + "/ack", body, bob);
      case "nack" -> send("POST", BOB + "/messages/" + enc(messageId) + "/nack", body, bob);
      case "heartbeat" -> send("POST", BOB + "/heartbeat", body, bob);
      case "trust" -> send("POST", BOB + "/trusted", body, bob);
      case "webhook" -> send("POST", BOB + "/webhook", body, bob);
      default -> throw new IllegalArgumentException(route);
    };

    assertError(response, status, code);
  }

  static Stream<Arguments> badEnvelopes() {
    return Stream.of(
        Arguments.of("from", "5", "SEND_FAILED"),
        Arguments.of("from", "\"a b\"", "SEND_FAILED"),
        Arguments.of("version", "\"2.0\"", "SEND_FAILED"),
        Arguments.of("subject", "{}", "SEND_FAILED"),
        Arguments.of("subject", "\"\"", "SEND_FAILED"),
        Arguments.of("headers", "[]", "SEND_FAILED"),
        Arguments.of("ttl_sec", "\"x\"", "SEND_FAILED"),
        Arguments.of("ttl_sec", "-5", "SEND_FAILED"),
        Arguments.of("id", "\"\\u0000\"", "SEND_FAILED"),
        Arguments.of("timestamp", "\"yesterday\"", "INVALID_TIMESTAMP"),
        Arguments.of("timestamp", "12", "SEND_FAILED"),
        Arguments.of("to", "\"agent://alice\"", "TO_MISMATCH"),
        Arguments.of("to", "\"\uD83D\uDE00\"", "SEND_FAILED"),
        Arguments.of("signature", "\"sig\"", "INVALID_SIGNATURE"),
        Arguments.of("signature", "{\"alg\":\"ed25519\",\"kid\":\"alice\",\"sig\":\"!!\"}", "INVALID_SIGNATURE"),
        Arguments.of("body", "{\"tampered\":true}", "INVALID_SIGNATURE"));
  }

  @ParameterizedTest(name = "{0}={1}")
  @MethodSource("badEnvelopes")
  void badEnvelopeIsTheDocumentedFourHundred(String field, String json, String code) throws Exception {
    RawHttp.Response response = send("POST", BOB + "/messages", envelope(field, json), null);

    assertThat(response.status()).isBetween(400, 499);
    assertThat(JsJson.parse(response.body()).get("error").asText()).isEqualTo(code);
  }

  static Stream<Arguments> badTargets() {
    return Stream.of(
        Arguments.of("GET", "/api/agents/a%20b", 400, "INVALID_AGENT_ID"),
        Arguments.of("GET", "/api/agents/a%2Fb", 400, "INVALID_AGENT_ID"),
        Arguments.of("GET", "/api/agents/" + "x".repeat(129), 400, "INVALID_AGENT_ID"),
        Arguments.of("GET", "/api/agents/a%0Ab", 400, "BAD_REQUEST"),
        Arguments.of("GET", "/api/agents/%F0%9F%98%80", 400, "INVALID_AGENT_ID"),
        Arguments.of("POST", "/api/agents/%F0%9F%98%80/messages", 400, "INVALID_AGENT_ID"),
        Arguments.of("GET", "/api/agents/%252e%252e/inbox/stats", 400, "INVALID_AGENT_ID"),
        Arguments.of("GET", "/api/agents/%2e%2e%2fstats/inbox/stats", 400, "INVALID_AGENT_ID"),
        Arguments.of("POST", "/api/agents/%2e%2e/inbox/pull", 400, "BAD_REQUEST"),
        Arguments.of("POST", "/api/agents/%2E%2E/messages", 400, "BAD_REQUEST"),
        Arguments.of("GET", "/api/agents/%ZZ", 400, "BAD_REQUEST"),
        Arguments.of("GET", "/api/agents/%C3%28", 400, "BAD_REQUEST"),
        Arguments.of("GET", "/api/agents/a%00b", 400, "BAD_REQUEST"),
        Arguments.of("GET", "/api/agents/bob;x=1/inbox/stats", 400, "INVALID_AGENT_ID"),
        Arguments.of("GET", "/api/agents/bob/../../stats", 404, "NOT_FOUND"),
        Arguments.of("GET", "/api//stats", 400, "BAD_REQUEST"),
        Arguments.of("GET", "/api/messages/%0A/status", 400, "BAD_REQUEST"),
        Arguments.of("PUT", "/api/agents/register", 405, "METHOD_NOT_ALLOWED"),
        Arguments.of("GET", "/api/agents/bob/nothing", 404, "NOT_FOUND"));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("badTargets")
  void badPathIsTheDocumentedFourHundred(String method, String target, int status, String code) throws Exception {
    RawHttp.Response response = send(method, target, method.equals("GET") ? null : "{}", bob);

    assertError(response, status, code);
  }

  @Test
  void bodyOverTheLimitIsPayloadTooLarge() throws Exception {
    String big = "{\"agent_id\":\"big\",\"metadata\":{\"pad\":\"" + "x".repeat(10_000) + "\"}}";

    assertError(send("POST", "/api/agents/register", big, null), 413, "PAYLOAD_TOO_LARGE");
  }

  @Test
  void chunkedBodyOverTheLimitIsPayloadTooLarge() throws Exception {
    byte[] big = ("{\"agent_id\":\"big\",\"metadata\":{\"pad\":\"" + "x".repeat(20_000) + "\"}}")
        .getBytes(StandardCharsets.UTF_8);

    assertError(raw.sendChunked("POST", "/api/agents/register", big, 1024), 413, "PAYLOAD_TOO_LARGE");
  }

  @Test
  void oversizeEnvelopeIsPayloadTooLarge() throws Exception {
    String big = envelope("body", "{\"pad\":\"" + "x".repeat(9000) + "\"}");

    assertError(send("POST", BOB + "/messages", big, null), 413, "PAYLOAD_TOO_LARGE");
  }

  @Test
  void invalidUtf8IsInvalidJson() throws Exception {
    byte[] head = ("POST /api/agents/register HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
        + "Content-Length: 18\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    byte[] body = {'{', '"', 'a', 'g', 'e', 'n', 't', '_', 'i', 'd', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"',
        '}', ' '};
    byte[] request = new byte[head.length + body.length];
    System.arraycopy(head, 0, request, 0, head.length);
    System.arraycopy(body, 0, request, head.length, body.length);

    assertError(raw.exchange(request), 400, "INVALID_JSON");
  }

  @Test
  void bodyShorterThanItsContentLengthIsABadRequest() throws Exception {
    byte[] request = ("POST /api/agents/register HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
        + "Content-Length: 100\r\nConnection: close\r\n\r\n{\"agent_id\":").getBytes(StandardCharsets.US_ASCII);

    RawHttp.Response response = raw.exchangeHalfClosed(request);

    assertThat(response.status()).isBetween(400, 499);
  }
}
