package dev.admp.agent;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A registered agent.
 *
 * @param id canonical id, the key everywhere
 * @param registeredAs the id exactly as it was registered (returned to clients as {@code agent_id})
 * @param agentType free-form type, {@code "generic"} by default
 * @param publicKey raw 32-byte Ed25519 public key
 * @param metadataJson a JSON object, kept as text: the core never interprets it
 * @param webhook push target, if configured
 * @param trusted canonical ids allowed to send to this agent; empty means everyone
 * @param createdAt registration time
 * @param lastHeartbeat last heartbeat (registration counts as one); online status derives from it
 */
public record Agent(
    AgentId id,
    String registeredAs,
    String agentType,
    byte[] publicKey,
    String metadataJson,
    Optional<Webhook> webhook,
    List<AgentId> trusted,
    Instant createdAt,
    Instant lastHeartbeat) {

  public Agent {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(registeredAs, "registeredAs");
    Objects.requireNonNull(agentType, "agentType");
    Objects.requireNonNull(publicKey, "publicKey");
    Objects.requireNonNull(metadataJson, "metadataJson");
    Objects.requireNonNull(webhook, "webhook");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(lastHeartbeat, "lastHeartbeat");
    if (publicKey.length != 32) {
      throw new IllegalArgumentException("public key must be 32 bytes, was " + publicKey.length);
    }
    publicKey = publicKey.clone();
    trusted = List.copyOf(trusted);
  }

  @Override
  public byte[] publicKey() {
    return publicKey.clone();
  }

  /** Whether {@code sender} may send to this agent: true when the trust list is empty. */
  public boolean trusts(AgentId sender) {
    return trusted.isEmpty() || trusted.contains(sender);
  }

  public boolean isOnline(Instant now, java.time.Duration heartbeatTimeout) {
    return !lastHeartbeat.plus(heartbeatTimeout).isBefore(now);
  }

  public Agent with(AgentUpdate update) {
    return switch (update) {
      case AgentUpdate.Heartbeat h ->
          new Agent(id, registeredAs, agentType, publicKey, h.metadataJson(), webhook, trusted, createdAt, h.at());
      case AgentUpdate.TrustedAgents t ->
          new Agent(id, registeredAs, agentType, publicKey, metadataJson, webhook, t.trusted(), createdAt, lastHeartbeat);
      case AgentUpdate.SetWebhook w ->
          new Agent(id, registeredAs, agentType, publicKey, metadataJson, Optional.of(w.webhook()), trusted, createdAt, lastHeartbeat);
      case AgentUpdate.ClearWebhook c ->
          new Agent(id, registeredAs, agentType, publicKey, metadataJson, Optional.empty(), trusted, createdAt, lastHeartbeat);
    };
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Agent a && id.equals(a.id) && registeredAs.equals(a.registeredAs)
        && agentType.equals(a.agentType) && java.util.Arrays.equals(publicKey, a.publicKey)
        && metadataJson.equals(a.metadataJson) && webhook.equals(a.webhook) && trusted.equals(a.trusted)
        && createdAt.equals(a.createdAt) && lastHeartbeat.equals(a.lastHeartbeat);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, registeredAs, agentType, java.util.Arrays.hashCode(publicKey), metadataJson,
        webhook, trusted, createdAt, lastHeartbeat);
  }

  @Override
  public String toString() {
    return "Agent[id=" + id + ", type=" + agentType + ", webhook=" + webhook.map(Webhook::url).orElse("none") + "]";
  }
}
