package dev.admp.server.agents;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import dev.admp.agent.Agent;
import dev.admp.agent.AgentId;
import dev.admp.agent.AgentSettings;
import dev.admp.agent.RegisteredAgent;
import dev.admp.agent.Webhook;
import dev.admp.protocol.crypto.Ed25519;

/** The wire form of agents: snake_case, times in epoch milliseconds, {@code agent_id} as registered. */
final class AgentJson {
  private final AgentSettings settings;

  AgentJson(AgentSettings settings) {
    this.settings = settings;
  }

  /** The registration answer; {@code secret_key} only when the hub generated the pair. */
  ObjectNode registered(RegisteredAgent registered, boolean online) {
    Agent agent = registered.agent();
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("agent_id", agent.registeredAs());
    node.put("agent_type", agent.agentType());
    node.put("public_key", Ed25519.encode(agent.publicKey()));
    registered.secretKey().ifPresent(key -> node.put("secret_key", Ed25519.encode(key)));
    webhook(node, agent);
    node.set("heartbeat", heartbeat(agent, online));
    return node;
  }

  /** An agent for {@code GET /api/agents/{id}}: never a secret key (the hub has none). */
  ObjectNode agent(Agent agent, boolean online) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("agent_id", agent.registeredAs());
    node.put("agent_type", agent.agentType());
    node.put("public_key", Ed25519.encode(agent.publicKey()));
    node.putRawValue("metadata", new RawValue(agent.metadataJson()));
    webhook(node, agent);
    node.set("trusted_agents", trusted(agent));
    node.put("registered_at", agent.createdAt().toEpochMilli());
    node.set("heartbeat", heartbeat(agent, online));
    return node;
  }

  ObjectNode trustList(Agent agent) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.set("trusted_agents", trusted(agent));
    return node;
  }

  private static ArrayNode trusted(Agent agent) {
    ArrayNode list = JsonNodeFactory.instance.arrayNode();
    agent.trusted().stream().map(AgentId::value).forEach(list::add);
    return list;
  }

  private static void webhook(ObjectNode node, Agent agent) {
    node.put("webhook_url", agent.webhook().map(Webhook::url).orElse(null));
    node.put("webhook_secret", agent.webhook().map(Webhook::secret).orElse(null));
  }

  private ObjectNode heartbeat(Agent agent, boolean online) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("last_heartbeat", agent.lastHeartbeat().toEpochMilli());
    node.put("interval_ms", settings.heartbeatInterval().toMillis());
    node.put("timeout_ms", settings.heartbeatTimeout().toMillis());
    node.put("status", online ? "online" : "offline");
    return node;
  }
}
