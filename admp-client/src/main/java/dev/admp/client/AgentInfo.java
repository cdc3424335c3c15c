package dev.admp.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;

/**
 * A registered agent as the hub describes it (never with a secret key).
 *
 * @param agentId the id exactly as registered, e.g. {@code agent://bob}
 * @param agentType the agent's type, {@code generic} by default
 * @param publicKey the base64 Ed25519 public key
 * @param metadata the agent's metadata object
 * @param webhookUrl the webhook, when one is set
 * @param trustedAgents the agents allowed to send to it (empty: everyone)
 * @param json the whole response, for fields this record does not name
 */
public record AgentInfo(String agentId, String agentType, Optional<String> publicKey, ObjectNode metadata,
    Optional<String> webhookUrl, List<String> trustedAgents, ObjectNode json) {
  public AgentInfo {
    trustedAgents = List.copyOf(trustedAgents);
  }

  static AgentInfo from(JsonNode json) {
    JsonNode metadata = json.path("metadata");
    return new AgentInfo(Fields.text(json, "agent_id"), Fields.optionalText(json, "agent_type").orElse("generic"),
        Fields.optionalText(json, "public_key"),
        metadata.isObject() ? (ObjectNode) metadata : JsonNodeFactory.instance.objectNode(),
        Fields.optionalText(json, "webhook_url"), Fields.texts(json, "trusted_agents"),
        json.isObject() ? (ObjectNode) json : JsonNodeFactory.instance.objectNode());
  }
}
