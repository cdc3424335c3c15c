package dev.admp.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.admp.AdmpException;
import dev.admp.InvalidRequestException;
import dev.admp.MutableClock;
import dev.admp.NotFoundException;
import dev.admp.protocol.crypto.Ed25519;
import dev.admp.store.memory.InMemoryStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AgentServiceTest {
  private static final Instant T0 = Instant.parse("2026-01-15T10:00:00Z");
  private static final Duration TIMEOUT = Duration.ofMinutes(5);

  private final MutableClock clock = new MutableClock(T0);
  private final AgentService agents = new AgentService(new InMemoryStore(), clock,
      new AgentSettings(Duration.ofMinutes(1), TIMEOUT));

  private static AgentRegistration registration(String id) {
    return new AgentRegistration(Optional.of(id), "generic", "{}", Optional.empty(), Optional.empty(),
        Optional.of(Ed25519.generate().publicKey()));
  }

  private static AbstractThrowableAssert<?, ? extends Throwable> assertFails(Runnable call, Class<?> kind, String code) {
    return assertThatThrownBy(call::run).isInstanceOf(kind)
        .satisfies(e -> assertThat(((AdmpException) e).code()).isEqualTo(code));
  }

  @Test
  void registrationWithoutAKeyGeneratesAPairAndReturnsItsSecretOnce() {
    RegisteredAgent registered = agents.register(new AgentRegistration(Optional.of("bob"), "generic", "{}",
        Optional.empty(), Optional.empty(), Optional.empty()));

    byte[] secret = registered.secretKey().orElseThrow();
    assertThat(secret).hasSize(64);
    assertThat(Ed25519.publicKeyOf(secret)).isEqualTo(registered.agent().publicKey());
    assertThat(registered.toString()).doesNotContain(Ed25519.encode(secret));
  }

  @Test
  void registrationWithAKeyKeepsItAndReturnsNoSecret() {
    byte[] key = Ed25519.generate().publicKey();

    RegisteredAgent registered = agents.register(new AgentRegistration(Optional.of("bob"), "generic", "{}",
        Optional.empty(), Optional.empty(), Optional.of(key)));

    assertThat(registered.agent().publicKey()).isEqualTo(key);
    assertThat(registered.secretKey()).isEmpty();
  }

  @Test
  void registrationWithoutAnIdGetsAGeneratedAgentUuidId() {
    Agent agent = agents.register(new AgentRegistration(Optional.empty(), "", "{}", Optional.empty(),
        Optional.empty(), Optional.empty())).agent();

    assertThat(agent.registeredAs()).matches("agent://agent-[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}");
    assertThat(agent.id().value()).isEqualTo(agent.registeredAs().substring("agent://".length()));
    assertThat(agent.agentType()).isEqualTo("generic");
    assertThat(agent.lastHeartbeat()).isEqualTo(T0);
  }

  @Test
  void registeredAgentKeepsItsIdAsWrittenAndIsFoundByEitherSpelling() {
    Agent agent = agents.register(registration("agent://bob")).agent();

    assertThat(agent.registeredAs()).isEqualTo("agent://bob");
    assertThat(agents.find(AgentId.parse("bob"))).contains(agent);
  }

  @Test
  void registeringAnIdTakenUnderAnotherSpellingFailsSayingItAlreadyExists() {
    agents.register(registration("agent://bob"));

    assertFails(() -> agents.register(registration("bob")), InvalidRequestException.class, "REGISTRATION_FAILED")
        .hasMessageContaining("already exists");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "agent://", "has space", "agent://a/b", "ünïcode"})
  void registeringAMalformedIdIsInvalidAgentId(String id) {
    assertFails(() -> agents.register(registration(id)), InvalidRequestException.class, "INVALID_AGENT_ID");
  }

  @Test
  void registeringAKeyThatIsNot32BytesFails() {
    AgentRegistration shortKey = new AgentRegistration(Optional.of("bob"), "generic", "{}", Optional.empty(),
        Optional.empty(), Optional.of(new byte[31]));

    assertFails(() -> agents.register(shortKey), InvalidRequestException.class, "REGISTRATION_FAILED")
        .hasMessageContaining("32 bytes");
  }

  @ParameterizedTest
  @ValueSource(strings = {"[]", "\"text\"", "1", "null", "{", "{} {}", ""})
  void registeringMetadataThatIsNotAJsonObjectFails(String metadata) {
    AgentRegistration r = new AgentRegistration(Optional.of("bob"), "generic", metadata, Optional.empty(),
        Optional.empty(), Optional.empty());

    assertFails(() -> agents.register(r), InvalidRequestException.class, "REGISTRATION_FAILED");
  }

  @Test
  void registeringAWebhookWithoutSecretGeneratesOne() {
    Agent agent = agents.register(new AgentRegistration(Optional.of("bob"), "generic", "{}",
        Optional.of("https://hooks.example/bob"), Optional.empty(), Optional.empty())).agent();

    assertThat(agent.webhook().orElseThrow().url()).isEqualTo("https://hooks.example/bob");
    assertThat(agent.webhook().orElseThrow().secret()).matches("[0-9a-f]{64}");
  }

  @Test
  void registeringAMalformedWebhookUrlFails() {
    AgentRegistration r = new AgentRegistration(Optional.of("bob"), "generic", "{}", Optional.of("ftp://x/y"),
        Optional.empty(), Optional.empty());

    assertFails(() -> agents.register(r), InvalidRequestException.class, "REGISTRATION_FAILED");
  }

  @Test
  void requiringAnUnknownAgentIsAgentNotFound() {
    assertFails(() -> agents.require(AgentId.parse("nobody")), NotFoundException.class, "AGENT_NOT_FOUND")
        .hasMessageContaining("nobody");
  }

  @Test
  void heartbeatShallowMergesMetadataAndRecordsTheTime() {
    agents.register(new AgentRegistration(Optional.of("bob"), "generic", "{\"a\":1,\"b\":{\"x\":1}}",
        Optional.empty(), Optional.empty(), Optional.empty()));
    clock.advance(Duration.ofSeconds(30));

    Agent agent = agents.heartbeat(AgentId.parse("bob"), "{\"b\":{\"y\":2},\"c\":3}");

    assertThat(agent.metadataJson()).isEqualTo("{\"a\":1,\"b\":{\"y\":2},\"c\":3}");
    assertThat(agent.lastHeartbeat()).isEqualTo(T0.plusSeconds(30));
  }

  @ParameterizedTest
  @ValueSource(strings = {"[1]", "\"x\"", "not json"})
  void heartbeatWithMetadataThatIsNotAnObjectIsInvalidRequest(String patch) {
    agents.register(registration("bob"));

    assertFails(() -> agents.heartbeat(AgentId.parse("bob"), patch), InvalidRequestException.class, "INVALID_REQUEST");
  }

  @Test
  void heartbeatOfAnUnknownAgentIsAgentNotFound() {
    assertFails(() -> agents.heartbeat(AgentId.parse("nobody"), "{}"), NotFoundException.class, "AGENT_NOT_FOUND");
  }

  @Test
  void deletedAgentIsGoneAndDeletingItAgainIsAgentNotFound() {
    agents.register(registration("bob"));

    agents.delete(AgentId.parse("bob"));

    assertThat(agents.find(AgentId.parse("bob"))).isEmpty();
    assertFails(() -> agents.delete(AgentId.parse("bob")), NotFoundException.class, "AGENT_NOT_FOUND");
  }

  @Test
  void trustAddsACanonicalIdOnceAndDistrustRemovesIt() {
    agents.register(registration("bob"));
    AgentId bob = AgentId.parse("bob");

    agents.trust(bob, AgentId.parse("agent://alice"));
    assertThat(agents.trust(bob, AgentId.parse("alice")).trusted()).containsExactly(AgentId.parse("alice"));
    assertThat(agents.distrust(bob, AgentId.parse("alice")).trusted()).isEmpty();
  }

  @Test
  void setWebhookKeepsAGivenSecretAndClearWebhookRemovesIt() {
    agents.register(registration("bob"));
    AgentId bob = AgentId.parse("bob");

    Agent withHook = agents.setWebhook(bob, "http://localhost:8080/hook", Optional.of("shh"));
    assertThat(withHook.webhook()).contains(new Webhook("http://localhost:8080/hook", "shh"));
    assertThat(agents.clearWebhook(bob).webhook()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "  "})
  void setWebhookWithoutUrlIsWebhookUrlRequired(String url) {
    agents.register(registration("bob"));

    assertFails(() -> agents.setWebhook(AgentId.parse("bob"), url, Optional.empty()),
        InvalidRequestException.class, "WEBHOOK_URL_REQUIRED");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/relative/path", "ftp://host/x", "https://", "not a url", "mailto:a@b.c"})
  void setWebhookWithAnUrlThatIsNotAbsoluteHttpIsInvalidWebhookUrl(String url) {
    agents.register(registration("bob"));

    assertFails(() -> agents.setWebhook(AgentId.parse("bob"), url, Optional.empty()),
        InvalidRequestException.class, "INVALID_WEBHOOK_URL");
  }

  @Test
  void agentIsOnlineUntilItsLastHeartbeatIsOlderThanTheTimeout() {
    Agent agent = agents.register(registration("bob")).agent();

    clock.advance(TIMEOUT);
    assertThat(agents.isOnline(agent)).isTrue();
    clock.advance(Duration.ofMillis(1));
    assertThat(agents.isOnline(agent)).isFalse();
  }
}
