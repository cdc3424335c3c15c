package dev.admp.agent;

import dev.admp.InvalidRequestException;
import dev.admp.NotFoundException;
import dev.admp.protocol.crypto.Ed25519;
import dev.admp.store.Store;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Agent use cases: registration, lookup, heartbeats, trust lists and webhooks. Thread-safe; every
 * change is one store update. Read-modify-write changes (metadata merge, trust list) keep the
 * last writer's result when two clients change the same agent at the same moment.
 */
public final class AgentService {
  private static final String GENERATED_PREFIX = AgentId.PREFIX + "agent-";

  private final Store store;
  private final Clock clock;
  private final AgentSettings settings;
  private final Metadata metadata = new Metadata();
  private final SecureRandom random = new SecureRandom();

  public AgentService(Store store, Clock clock, AgentSettings settings) {
    this.store = Objects.requireNonNull(store, "store");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  /**
   * Registers an agent. Fails with 400 {@code INVALID_AGENT_ID} for a malformed id and 400
   * {@code REGISTRATION_FAILED} for a taken id, a bad key, metadata or webhook URL.
   */
  public RegisteredAgent register(AgentRegistration r) {
    String written = r.agentId().orElseGet(() -> GENERATED_PREFIX + UUID.randomUUID());
    AgentId id = AgentId.parse(written);
    String type = r.agentType().isBlank() ? "generic" : r.agentType();
    String meta = metadata.normalise(r.metadataJson(), "REGISTRATION_FAILED");
    Optional<Webhook> webhook = r.webhookUrl()
        .map(url -> new Webhook(WebhookUrl.check(url, "REGISTRATION_FAILED"), r.webhookSecret().orElseGet(this::newSecret)));
    Optional<byte[]> generatedSecret = Optional.empty();
    byte[] publicKey;
    if (r.publicKey().isPresent()) {
      publicKey = r.publicKey().get();
      if (publicKey.length != 32) {
        throw new InvalidRequestException("REGISTRATION_FAILED",
            "public_key must be the base64 of 32 bytes, was " + publicKey.length + " bytes");
      }
    } else {
      Ed25519.KeyPair pair = Ed25519.generate();
      publicKey = pair.publicKey();
      generatedSecret = Optional.of(pair.secretKey());
    }
    Instant now = clock.instant();
    Agent agent = new Agent(id, written, type, publicKey, meta, webhook, List.of(), now, now);
    return switch (store.registerAgent(agent)) {
      case Registration.Registered registered -> new RegisteredAgent(registered.agent(), generatedSecret);
      case Registration.AlreadyExists exists ->
          throw new InvalidRequestException("REGISTRATION_FAILED", "agent " + exists.id() + " already exists");
    };
  }

  public Optional<Agent> find(AgentId id) {
    return store.findAgent(id);
  }

  /** The agent, or 404 {@code AGENT_NOT_FOUND}. */
  public Agent require(AgentId id) {
    return find(id).orElseThrow(() -> notFound(id));
  }

  /** Records a heartbeat now and shallow-merges {@code metadataPatchJson} (a JSON object) into the metadata. */
  public Agent heartbeat(AgentId id, String metadataPatchJson) {
    Agent agent = require(id);
    String merged = metadata.merge(agent.metadataJson(), metadataPatchJson, "INVALID_REQUEST");
    return update(id, new AgentUpdate.Heartbeat(clock.instant(), merged));
  }

  /** Deletes the agent and its inbox, or 404 {@code AGENT_NOT_FOUND}. */
  public void delete(AgentId id) {
    if (!store.deleteAgent(id)) {
      throw notFound(id);
    }
  }

  /** Adds {@code other} to the agent's trust list; once the list is non-empty only listed agents may send. */
  public Agent trust(AgentId id, AgentId other) {
    Agent agent = require(id);
    if (agent.trusted().contains(other)) {
      return agent;
    }
    List<AgentId> trusted = new ArrayList<>(agent.trusted());
    trusted.add(other);
    return update(id, new AgentUpdate.TrustedAgents(trusted));
  }

  public Agent distrust(AgentId id, AgentId other) {
    Agent agent = require(id);
    if (!agent.trusted().contains(other)) {
      return agent;
    }
    List<AgentId> trusted = new ArrayList<>(agent.trusted());
    trusted.remove(other);
    return update(id, new AgentUpdate.TrustedAgents(trusted));
  }

  /**
   * Sets the webhook; 400 {@code WEBHOOK_URL_REQUIRED} when {@code url} is blank, 400
   * {@code INVALID_WEBHOOK_URL} unless it is an absolute http(s) URL. A secret is generated when absent.
   */
  public Agent setWebhook(AgentId id, String url, Optional<String> secret) {
    if (url == null || url.isBlank()) {
      throw new InvalidRequestException("WEBHOOK_URL_REQUIRED", "webhook_url is required");
    }
    Webhook webhook = new Webhook(WebhookUrl.check(url, "INVALID_WEBHOOK_URL"), secret.orElseGet(this::newSecret));
    return update(id, new AgentUpdate.SetWebhook(webhook));
  }

  public Agent clearWebhook(AgentId id) {
    return update(id, new AgentUpdate.ClearWebhook());
  }

  /** Online when the last heartbeat is no older than the heartbeat timeout. */
  public boolean isOnline(Agent agent) {
    return agent.isOnline(clock.instant(), settings.heartbeatTimeout());
  }

  /** Agents whose last heartbeat is at or after this instant are online now. */
  public Instant onlineSince() {
    return clock.instant().minus(settings.heartbeatTimeout());
  }

  private Agent update(AgentId id, AgentUpdate update) {
    return store.updateAgent(id, update).orElseThrow(() -> notFound(id));
  }

  private String newSecret() {
    byte[] secret = new byte[32];
    random.nextBytes(secret);
    return HexFormat.of().formatHex(secret);
  }

  private static NotFoundException notFound(AgentId id) {
    return new NotFoundException("AGENT_NOT_FOUND", "agent " + id + " not found");
  }
}
