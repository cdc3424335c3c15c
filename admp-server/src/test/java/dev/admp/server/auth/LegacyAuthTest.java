package dev.admp.server.auth;

import static dev.admp.server.HubClient.enc;
import static dev.admp.server.HubClient.signed;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.admp.server.HubClient;
import dev.admp.server.HubClient.Response;
import dev.admp.server.LogCapture;
import dev.admp.server.TestAgent;
import dev.admp.server.TestHub;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code AUTH_MODE=legacy}: the reference hub's behaviour, kept for old clients. */
class LegacyAuthTest {
  private TestHub hub;
  private HubClient http;
  private final TestAgent alice = TestAgent.named("agent://alice");
  private final TestAgent bob = TestAgent.named("agent://bob");

  @BeforeEach
  void start() {
    hub = TestHub.legacyMode();
    http = hub.client().unsigned();
    http.register(alice);
    http.register(bob);
  }

  @AfterEach
  void stop() {
    hub.close();
  }

  @Test
  void agentScopedRoutesNeedNoSignature() {
    http.send(alice, bob, "x");

    Response pulled = http.post("/api/agents/" + enc(bob.id()) + "/inbox/pull", "{}");

    assertThat(pulled.status()).isEqualTo(200);
    assertThat(http.get("/api/agents/" + enc(bob.id())).status()).isEqualTo(200);
  }

  @Test
  void agentScopedRoutesOfAnUnknownAgentAreAgentNotFound() {
    for (Response response : new Response[] {
        http.post("/api/agents/ghost/inbox/pull", "{}"),
        http.get("/api/agents/ghost/inbox/stats"),
        http.get("/api/agents/ghost/trusted"),
        http.post("/api/agents/ghost/inbox/reclaim", "")}) {
      assertThat(response.status()).isEqualTo(404);
      assertThat(response.error()).isEqualTo("AGENT_NOT_FOUND");
    }
  }

  @Test
  void unsignedEnvelopesAreAcceptedButBadSignaturesAreNot() {
    Response unsigned = http.post("/api/agents/" + enc(bob.id()) + "/messages", http.envelope(alice, bob.id(), "u"));
    ObjectNode forged = signed(http.envelope(alice, bob.id(), "f"), TestAgent.named(alice.id()));
    Response badlySigned = http.post("/api/agents/" + enc(bob.id()) + "/messages", forged);

    assertThat(unsigned.status()).isEqualTo(201);
    assertThat(badlySigned.status()).isEqualTo(403);
    assertThat(badlySigned.error()).isEqualTo("INVALID_SIGNATURE");
  }

  @Test
  void anyoneMayAskForAMessagesStatus() {
    String id = http.send(alice, bob, "x").json().get("message_id").asText();

    Response status = http.get("/api/messages/" + enc(id) + "/status");

    assertThat(status.status()).isEqualTo(200);
    assertThat(status.json().get("status").asText()).isEqualTo("queued");
  }

  @Test
  void legacyModeIsAWarningAtStart() {
    try (LogCapture logs = new LogCapture(); TestHub another = TestHub.legacyMode()) {
      assertThat(logs.lines()).anySatisfy(line -> assertThat(line).startsWith("WARN").contains("AUTH_MODE=legacy"));
      assertThat(another.hub().port()).isPositive();
    }
  }
}
