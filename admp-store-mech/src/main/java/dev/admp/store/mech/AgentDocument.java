package dev.admp.store.mech;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.admp.agent.Agent;
import dev.admp.agent.AgentId;
import dev.admp.agent.AgentUpdate;
import dev.admp.agent.Webhook;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/** An agent as a document of {@code admp_agents}; metadata is kept as the exact JSON text. */
final class AgentDocument {
  static final String COLLECTION = "admp_agents";

  private AgentDocument() {}

  static ObjectNode write(Agent a) {
    ObjectNode doc = JsonNodeFactory.instance.objectNode();
    doc.put("id", a.id().value());
    doc.put("registered_as", a.registeredAs());
    doc.put("agent_type", a.agentType());
    doc.put("public_key", Base64.getEncoder().encodeToString(a.publicKey()));
    doc.put("created_at", a.createdAt().toString());
    doc.setAll(heartbeat(a.lastHeartbeat(), a.metadataJson()));
    doc.setAll(trusted(a.trusted()));
    doc.setAll(webhook(a.webhook()));
    return doc;
  }

  /** Only the fields the update changes, so different kinds of update never overwrite each other. */
  static ObjectNode patch(AgentUpdate update) {
    return switch (update) {
      case AgentUpdate.Heartbeat h -> heartbeat(h.at(), h.metadataJson());
      case AgentUpdate.TrustedAgents t -> trusted(t.trusted());
      case AgentUpdate.SetWebhook w -> webhook(Optional.of(w.webhook()));
      case AgentUpdate.ClearWebhook c -> webhook(Optional.empty());
    };
  }

  private static ObjectNode heartbeat(Instant at, String metadataJson) {
    ObjectNode p = JsonNodeFactory.instance.objectNode();
    p.put("last_heartbeat", at.toString());
    p.put("metadata", metadataJson);
    return p;
  }

  private static ObjectNode trusted(List<AgentId> trusted) {
    ObjectNode p = JsonNodeFactory.instance.objectNode();
    ArrayNode list = p.putArray("trusted");
    trusted.forEach(id -> list.add(id.value()));
    return p;
  }

  private static ObjectNode webhook(Optional<Webhook> webhook) {
    ObjectNode p = JsonNodeFactory.instance.objectNode();
    p.put("webhook_url", webhook.map(Webhook::url).orElse(null));
    p.put("webhook_secret", webhook.map(Webhook::secret).orElse(null));
    return p;
  }

  static Agent read(JsonNode doc) {
    try {
      List<AgentId> trusted = new ArrayList<>();
      doc.path("trusted").forEach(id -> trusted.add(new AgentId(id.asText())));
      Optional<Webhook> webhook = MessageDocument.optionalText(doc, "webhook_url")
          .map(url -> new Webhook(url, MessageDocument.optionalText(doc, "webhook_secret").orElse("")));
      return new Agent(
          new AgentId(MessageDocument.text(doc, "id")),
          MessageDocument.text(doc, "registered_as"),
          MessageDocument.text(doc, "agent_type"),
          Base64.getDecoder().decode(MessageDocument.text(doc, "public_key")),
          MessageDocument.text(doc, "metadata"),
          webhook,
          trusted,
          Instant.parse(MessageDocument.text(doc, "created_at")),
          Instant.parse(MessageDocument.text(doc, "last_heartbeat")));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("not an agent document: " + e.getMessage(), e);
    }
  }
}
