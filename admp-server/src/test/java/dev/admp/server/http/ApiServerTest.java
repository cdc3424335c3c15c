package dev.admp.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.admp.UnauthorizedException;
import dev.admp.server.RawHttp;
import dev.admp.server.config.HttpConfig;
import dev.admp.server.config.Secret;
import dev.admp.store.StoreUnavailableException;
import io.javalin.http.HandlerType;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ApiServerTest {
  private static final int MAX_BODY = 1024 * 1024;
  private final ObjectMapper json = JsonMapping.create();
  private final List<Access> authenticated = new CopyOnWriteArrayList<>();
  private ApiServer server;
  private RawHttp http;

  private final RouteGroup probe = router -> {
    JsonBodies bodies = new JsonBodies(MAX_BODY);
    router.post("/probe/{id}/echo", Access.PUBLIC, ctx -> {
      JsonFields fields = new JsonFields(bodies.object(ctx, "PROBE_FAILED"), "PROBE_FAILED");
      ctx.json(Map.of("id", ctx.pathParam("id"), "max", fields.integer("max", 1, 10).orElse(1),
          "wait", fields.seconds("wait", 0, 20).map(d -> d.toMillis()).orElse(0L)));
    });
    router.get("/probe/boom", Access.PUBLIC, ctx -> {
      throw new IllegalStateException("secret internals");
    });
    router.get("/probe/down", Access.PUBLIC, ctx -> {
      throw new StoreUnavailableException("circuit open");
    });
    router.get("/probe/{id}/mine", Access.PATH_AGENT, ctx -> ctx.result("{}"));
    router.post("/probe/{id}/mine", Access.PATH_AGENT, ctx -> ctx.result("{}"));
    router.get("/probe/thread", Access.PUBLIC, ctx -> ctx.json(Map.of("virtual", Thread.currentThread().isVirtual())));
    router.root(HandlerType.GET, "/open", ctx -> ctx.result("{}"));
  };

  private void start(Optional<Secret> operatorKey) {
    CallerAuthentication callers = (ctx, access) -> {
      authenticated.add(access);
      if (access == Access.PATH_AGENT && ctx.header("X-Test-Agent") == null) {
        throw new UnauthorizedException("SIGNATURE_REQUIRED", "sign it");
      }
    };
    server = new ApiServer(new ApiServer.Parts(new HttpConfig(0, MAX_BODY), json, operatorKey, callers,
        RequestObserver.NONE, List.of(probe))).start();
    http = new RawHttp(server.port());
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private JsonNode body(RawHttp.Response response) throws Exception {
    return json.readTree(response.body());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "agent%3A%2F%2Fbob, agent://bob",
      "agent%3A%2F%2Fbob%2Fx, agent://bob/x",
      "a%252F, a%2F",
      "a+b, a+b",
      "%F0%9F%98%80, \uD83D\uDE00",
      "alice, alice"})
  void pathParametersAreDecodedExactlyOnce(String raw, String decoded) throws Exception {
    start(Optional.empty());

    RawHttp.Response response = http.send("POST", "/api/probe/" + raw + "/echo", "{}");

    assertThat(response.status()).isEqualTo(200);
    assertThat(body(response).get("id").asText()).isEqualTo(decoded);
  }

  @Test
  void v1IsAnAliasOfApi() throws Exception {
    start(Optional.empty());

    RawHttp.Response response = http.send("POST", "/v1/probe/agent%3A%2F%2Fbob/echo", "{\"max\":3}");

    assertThat(response.status()).isEqualTo(200);
    assertThat(body(response).get("max").asInt()).isEqualTo(3);
    assertThat(server.routes()).contains(new ApiServer.Route("POST", "/api/probe/{id}/echo"),
        new ApiServer.Route("POST", "/v1/probe/{id}/echo"), new ApiServer.Route("GET", "/open"));
  }

  @Test
  void unknownRouteIsNotFoundInJson() throws Exception {
    start(Optional.empty());

    RawHttp.Response response = http.send("GET", "/api/nothing/here", null);

    assertThat(response.status()).isEqualTo(404);
    assertThat(response.headers().get("content-type")).startsWith("application/json");
    assertThat(body(response).get("error").asText()).isEqualTo("NOT_FOUND");
    assertThat(body(response).get("request_id").asText()).isEqualTo(response.headers().get("x-request-id"));
  }

  @Test
  void wrongMethodIsMethodNotAllowed() throws Exception {
    start(Optional.empty());

    RawHttp.Response response = http.send("DELETE", "/api/probe/x/echo", null);

    assertThat(response.status()).isEqualTo(405);
    assertThat(body(response).get("error").asText()).isEqualTo("METHOD_NOT_ALLOWED");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"/api/probe/%ZZ/echo", "/api/probe/%2e%2e/echo", "/api/probe/a%00b/echo", "/api/probe/%C3%28/echo"})
  void malformedUrisAreRejectedInJsonBeforeRouting(String target) throws Exception {
    start(Optional.empty());

    RawHttp.Response response = http.send("POST", target, "{}");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.headers().get("content-type")).startsWith("application/json");
    assertThat(body(response).get("error").asText()).isEqualTo("BAD_REQUEST");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "{|INVALID_JSON",
      "{\"max\":|INVALID_JSON",
      "{} {}|INVALID_JSON",
      "nope|INVALID_JSON",
      "[1,2]|PROBE_FAILED",
      "\"text\"|PROBE_FAILED",
      "42|PROBE_FAILED",
      "{\"max\":\"ten\"}|PROBE_FAILED",
      "{\"max\":2.5}|PROBE_FAILED",
      "{\"max\":11}|PROBE_FAILED",
      "{\"max\":1e400}|PROBE_FAILED",
      "{\"max\":123456789012345678901234567890}|PROBE_FAILED",
      "{\"wait\":true}|PROBE_FAILED",
      "{\"wait\":-1}|PROBE_FAILED"})
  void badBodiesAreTheRoutesFourHundred(String bodyText, String code) throws Exception {
    start(Optional.empty());

    RawHttp.Response response = http.send("POST", "/api/probe/x/echo", bodyText);

    assertThat(response.status()).isEqualTo(400);
    assertThat(body(response).get("error").asText()).isEqualTo(code);
  }

  @Test
  void deeplyNestedBodyIsInvalidJson() throws Exception {
    start(Optional.empty());

    RawHttp.Response response = http.send("POST", "/api/probe/x/echo", "[".repeat(3000));

    assertThat(response.status()).isEqualTo(400);
    assertThat(body(response).get("error").asText()).isEqualTo("INVALID_JSON");
  }

  @Test
  void emptyBodyIsAnEmptyObject() throws Exception {
    start(Optional.empty());

    RawHttp.Response response = http.send("POST", "/api/probe/x/echo", "");

    assertThat(response.status()).isEqualTo(200);
    assertThat(body(response).get("max").asInt()).isEqualTo(1);
  }

  @Test
  void bodyOverTheLimitIsPayloadTooLarge() throws Exception {
    start(Optional.empty());
    String big = "{\"pad\":\"" + "x".repeat(MAX_BODY) + "\"}";

    RawHttp.Response response = http.send("POST", "/api/probe/x/echo", big);

    assertThat(response.status()).isEqualTo(413);
    assertThat(body(response).get("error").asText()).isEqualTo("PAYLOAD_TOO_LARGE");
  }

  @Test
  void chunkedBodyOverTheLimitIsPayloadTooLarge() throws Exception {
    start(Optional.empty());
    byte[] big = ("{\"pad\":\"" + "x".repeat(MAX_BODY) + "\"}").getBytes();

    RawHttp.Response response = http.sendChunked("POST", "/api/probe/x/echo", big, 1000);

    assertThat(response.status()).isEqualTo(413);
    assertThat(body(response).get("error").asText()).isEqualTo("PAYLOAD_TOO_LARGE");
  }

  @Test
  void chunkedBodyUnderTheLimitIsRead() throws Exception {
    start(Optional.empty());

    RawHttp.Response response = http.sendChunked("POST", "/api/probe/x/echo", "{\"max\":7}".getBytes(), 3);

    assertThat(response.status()).isEqualTo(200);
    assertThat(body(response).get("max").asInt()).isEqualTo(7);
  }

  @Test
  void unexpectedFaultIsInternalErrorWithoutDetails() throws Exception {
    start(Optional.empty());

    RawHttp.Response response = http.send("GET", "/api/probe/boom", null);

    assertThat(response.status()).isEqualTo(500);
    assertThat(body(response).get("error").asText()).isEqualTo("INTERNAL_ERROR");
    assertThat(response.body()).doesNotContain("secret internals", "IllegalStateException", "at dev.");
  }

  @Test
  void storageDownIsServiceUnavailableWithRetryAfter() throws Exception {
    start(Optional.empty());

    RawHttp.Response response = http.send("GET", "/api/probe/down", null);

    assertThat(response.status()).isEqualTo(503);
    assertThat(body(response).get("error").asText()).isEqualTo("STORAGE_UNAVAILABLE");
    assertThat(response.headers().get("retry-after")).isEqualTo("5");
  }

  @Test
  void routeAccessIsCheckedBeforeTheHandler() throws Exception {
    start(Optional.empty());

    RawHttp.Response refused = http.send("GET", "/api/probe/a/mine", null);
    RawHttp.Response allowed = http.send("GET", "/v1/probe/a/mine", null, "X-Test-Agent: a");

    assertThat(refused.status()).isEqualTo(401);
    assertThat(body(refused).get("error").asText()).isEqualTo("SIGNATURE_REQUIRED");
    assertThat(allowed.status()).isEqualTo(200);
    assertThat(authenticated).containsExactly(Access.PATH_AGENT, Access.PATH_AGENT);
  }

  private static byte[] refusedPost(int padding) {
    String body = "{\"pad\":\"" + "x".repeat(padding) + "\"}";
    return ("POST /api/probe/a/mine HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
        + "Content-Length: " + body.length() + "\r\n\r\n" + body).getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  @Test
  void aRefusedRequestWithAnUnreadBodyKeepsTheConnectionUsable() throws Exception {
    start(Optional.empty());
    byte[] next = "GET /api/probe/thread HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(
        java.nio.charset.StandardCharsets.UTF_8);

    List<RawHttp.Response> responses = http.keepAlive(refusedPost(MAX_BODY - 100), next, refusedPost(10), next);

    assertThat(responses).extracting(RawHttp.Response::status).containsExactly(401, 200, 401, 200);
  }

  @Test
  void aRefusedRequestWithABodyOverTheLimitClosesTheConnection() throws Exception {
    start(Optional.empty());

    List<RawHttp.Response> responses = http.keepAlive(refusedPost(2 * MAX_BODY), refusedPost(10));

    assertThat(responses).singleElement().satisfies(r -> {
      assertThat(r.status()).isEqualTo(401);
      assertThat(r.headers().get("connection")).isEqualTo("close");
    });
  }

  @Test
  void operatorKeyIsRequiredOnApiRoutesWhenConfigured() throws Exception {
    start(Optional.of(new Secret("op-key")));

    assertThat(http.send("POST", "/api/probe/x/echo", "{}").status()).isEqualTo(401);
    assertThat(body(http.send("POST", "/v1/probe/x/echo", "{}")).get("error").asText()).isEqualTo("API_KEY_REQUIRED");
    assertThat(http.send("GET", "/api/unknown", null).status()).isEqualTo(401);
    RawHttp.Response wrong = http.send("POST", "/api/probe/x/echo", "{}", "X-API-Key: op-kez");
    assertThat(wrong.status()).isEqualTo(403);
    assertThat(body(wrong).get("error").asText()).isEqualTo("INVALID_API_KEY");
    assertThat(http.send("POST", "/api/probe/x/echo", "{}", "Authorization: Bearer nope").status()).isEqualTo(403);
    assertThat(http.send("POST", "/api/probe/x/echo", "{}", "X-API-Key: op-key").status()).isEqualTo(200);
    assertThat(http.send("POST", "/v1/probe/x/echo", "{}", "Authorization: Bearer op-key").status()).isEqualTo(200);
    assertThat(http.send("GET", "/open", null).status()).isEqualTo(200);
  }

  @Test
  void operatorKeyIsNotAskedForWhenNotConfigured() throws Exception {
    start(Optional.empty());

    assertThat(http.send("POST", "/api/probe/x/echo", "{}").status()).isEqualTo(200);
  }

  @Test
  void handlersRunOnVirtualThreads() throws Exception {
    start(Optional.empty());

    RawHttp.Response response = http.send("GET", "/api/probe/thread", null);

    assertThat(body(response).get("virtual").asBoolean()).isTrue();
  }
}
