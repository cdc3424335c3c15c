package dev.admp.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.admp.client.InboxStats;
import dev.admp.client.MessageStatus;
import dev.admp.client.NackResult;
import dev.admp.client.Pulled;
import dev.admp.client.Registered;
import dev.admp.client.SendResult;
import dev.admp.protocol.crypto.Ed25519;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The JSON each verb prints: the hub's field names (snake_case), times as ISO-8601 strings. Secret
 * keys are never printed; they go to the config file.
 */
final class ResultJson {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private ResultJson() {}

  static ObjectNode registered(Registered agent, Path configFile) {
    ObjectNode node = JSON.objectNode()
        .put("agent_id", agent.agentId())
        .put("agent_type", agent.agentType())
        .put("public_key", Ed25519.encode(agent.publicKey()));
    agent.webhookUrl().ifPresent(url -> node.put("webhook_url", url));
    // The hub returns the webhook secret only here; the receiver needs it to check signatures.
    agent.webhookSecret().ifPresent(secret -> node.put("webhook_secret", secret));
    return node.put("config_file", configFile.toString());
  }

  static ObjectNode sent(SendResult result) {
    return JSON.objectNode()
        .put("message_id", result.messageId())
        .put("status", result.status())
        .put("duplicate", result.duplicate());
  }

  static ObjectNode pulled(List<Pulled> messages) {
    ArrayNode array = JSON.arrayNode();
    for (Pulled m : messages) {
      ObjectNode node = array.addObject()
          .put("message_id", m.messageId())
          .put("lease_until", m.leaseUntil().toString())
          .put("attempts", m.attempts());
      m.leaseId().ifPresent(id -> node.put("lease_id", id));
      node.set("envelope", m.envelope());
    }
    ObjectNode result = JSON.objectNode();
    result.set("messages", array);
    return result;
  }

  static ObjectNode acked(String messageId) {
    return JSON.objectNode().put("ok", true).put("message_id", messageId);
  }

  static ObjectNode nacked(String messageId, NackResult result) {
    ObjectNode node = JSON.objectNode().put("ok", true).put("message_id", messageId).put("status", result.status());
    return instant(node, "lease_until", result.leaseUntil());
  }

  static ObjectNode status(MessageStatus s) {
    ObjectNode node = JSON.objectNode()
        .put("id", s.id())
        .put("status", s.status())
        .put("created_at", s.createdAt().toString())
        .put("updated_at", s.updatedAt().toString())
        .put("attempts", s.attempts());
    instant(node, "lease_until", s.leaseUntil());
    return instant(node, "acked_at", s.ackedAt());
  }

  static ObjectNode inboxStats(String agentId, InboxStats s) {
    return JSON.objectNode()
        .put("agent_id", agentId)
        .put("total", s.total())
        .put("queued", s.queued())
        .put("leased", s.leased())
        .put("acked", s.acked())
        .put("failed", s.failed())
        .put("expired", s.expired())
        .put("dead", s.dead());
  }

  static ObjectNode reclaimed(String agentId, int count) {
    return JSON.objectNode().put("agent_id", agentId).put("reclaimed", count);
  }

  private static ObjectNode instant(ObjectNode node, String field, Optional<Instant> value) {
    if (value.isPresent()) {
      node.put(field, value.get().toString());
    } else {
      node.putNull(field);
    }
    return node;
  }
}
