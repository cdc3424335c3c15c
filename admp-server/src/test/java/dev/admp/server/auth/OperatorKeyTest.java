package dev.admp.server.auth;

import static dev.admp.server.HubClient.enc;
import static org.assertj.core.api.Assertions.assertThat;

import dev.admp.client.AdmpClient;
import dev.admp.client.AdmpClientException;
import dev.admp.client.RegisterRequest;
import dev.admp.server.HubClient;
import dev.admp.server.HubClient.Response;
import dev.admp.server.LogCapture;
import dev.admp.server.TestAgent;
import dev.admp.server.TestHub;
import java.net.URI;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

/** {@code API_KEY_REQUIRED=true}: every API request carries the operator key; operational routes do not. */
class OperatorKeyTest {
  private static final String KEY = "operator-k3y-0123456789";

  private static TestHub keyed() {
    return TestHub.start(Map.of("API_KEY_REQUIRED", "true", "MASTER_API_KEY", KEY));
  }

  @Test
  void apiRoutesWithoutTheKeyAreApiKeyRequired() {
    try (TestHub hub = keyed()) {
      for (String path : new String[] {"/api/stats", "/v1/stats", "/api/agents/x", "/api/no-such-route"}) {
        Response response = hub.client().get(path);
        assertThat(response.status()).as(path).isEqualTo(401);
        assertThat(response.error()).as(path).isEqualTo("API_KEY_REQUIRED");
      }
    }
  }

  @Test
  void aWrongKeyIsInvalidApiKey() {
    try (TestHub hub = keyed()) {
      Response header = hub.client().withHeader("X-API-Key", KEY + "x").get("/api/stats");
      Response bearer = hub.client().withHeader("Authorization", "Bearer nope").get("/api/stats");

      assertThat(header.status()).isEqualTo(403);
      assertThat(header.error()).isEqualTo("INVALID_API_KEY");
      assertThat(bearer.status()).isEqualTo(403);
    }
  }

  @Test
  void theKeyInEitherHeaderIsAccepted() {
    try (TestHub hub = keyed()) {
      assertThat(hub.client().withHeader("X-API-Key", KEY).get("/api/stats").status()).isEqualTo(200);
      assertThat(hub.client().withHeader("Authorization", "Bearer " + KEY).get("/v1/stats").status()).isEqualTo(200);
    }
  }

  @Test
  void theKeyIsCheckedBeforeTheAgentSignature() {
    try (TestHub hub = keyed()) {
      TestAgent bob = TestAgent.named("bob");
      HubClient http = hub.client().withHeader("X-API-Key", KEY);
      http.register(bob);

      Response noKey = hub.client().as(bob).post("/api/agents/bob/inbox/pull", "{}");
      Response both = http.as(bob).post("/api/agents/bob/inbox/pull", "{}");
      Response keyOnly = http.post("/api/agents/bob/inbox/pull", "{}");

      assertThat(noKey.error()).isEqualTo("API_KEY_REQUIRED");
      assertThat(both.status()).isEqualTo(204);
      assertThat(keyOnly.error()).isEqualTo("SIGNATURE_REQUIRED");
    }
  }

  @Test
  void operationalRoutesNeedNoKey() {
    try (TestHub hub = keyed()) {
      for (String path : new String[] {"/health", "/metrics", "/openapi.json", "/docs"}) {
        assertThat(hub.client().get(path).status()).as(path).isEqualTo(200);
      }
    }
  }

  @Test
  void withoutApiKeyRequiredNoKeyIsAsked() {
    try (TestHub hub = TestHub.start(Map.of("MASTER_API_KEY", KEY))) {
      assertThat(hub.client().get("/api/stats").status()).isEqualTo(200);
    }
  }

  @Test
  void theSdkSendsTheKey() {
    try (TestHub hub = keyed();
        AdmpClient withKey = AdmpClient.builder(URI.create("http://localhost:" + hub.hub().port())).apiKey(KEY)
            .clock(hub.clock()).build();
        AdmpClient without = AdmpClient.builder(URI.create("http://localhost:" + hub.hub().port()))
            .clock(hub.clock()).build()) {
      AdmpClient bob = withKey.withAgent(withKey.register(RegisterRequest.named("bob").withGeneratedKeys()));

      assertThat(bob.inboxStats().total()).isZero();
      Assertions.assertThatThrownBy(without::stats).isInstanceOfSatisfying(AdmpClientException.class,
          e -> assertThat(e.code()).isEqualTo("API_KEY_REQUIRED"));
    }
  }

  @Test
  void secretsNeverReachTheLog() {
    String webhookSecret = "whsec-0123456789abcdef";
    try (LogCapture logs = new LogCapture(); TestHub hub = keyed()) {
      HubClient http = hub.client().withHeader("X-API-Key", KEY);
      Response generated = http.post("/api/agents/register", "{\"agent_id\":\"carol\",\"webhook_url\":"
          + "\"http://127.0.0.1:9/hook\",\"webhook_secret\":\"" + webhookSecret + "\"}");
      String secretKey = generated.json().get("secret_key").asText();
      hub.client().withHeader("X-API-Key", "wrong-" + KEY).get("/api/stats");
      http.get("/api/agents/" + enc("carol") + "/webhook");
      http.post("/api/agents/register", "{\"agent_id\":\"carol\",\"webhook_secret\":\"" + webhookSecret + "\"}");

      assertThat(logs.lines()).isNotEmpty().allSatisfy(line -> assertThat(line)
          .doesNotContain(KEY, webhookSecret, secretKey));
    }
  }
}
