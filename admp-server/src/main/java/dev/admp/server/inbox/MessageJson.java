package dev.admp.server.inbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import dev.admp.inbox.Lease;
import dev.admp.inbox.Message;
import dev.admp.inbox.SendReceipt;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The wire form of messages; the stored envelope text is written as it is, never re-encoded. */
final class MessageJson {
  private MessageJson() {}

  static ObjectNode receipt(SendReceipt receipt) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("message_id", receipt.id().value());
    node.put("status", receipt.state().wireName());
    if (receipt.duplicate()) {
      node.put("duplicate", true);
    }
    return node;
  }

  static ObjectNode leased(Message message) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("message_id", message.id().value());
    node.putRawValue("envelope", new RawValue(message.envelopeJson()));
    node.put("lease_until", message.lease().map(l -> l.until().toEpochMilli()).orElse(null));
    node.put("attempts", message.attempts());
    node.put("lease_id", message.lease().map(l -> l.id().value()).orElse(null));
    return node;
  }

  static ObjectNode batch(List<Message> messages) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    ArrayNode list = node.putArray("messages");
    messages.forEach(m -> list.add(leased(m)));
    return node;
  }

  static ObjectNode status(Message message) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("id", message.id().value());
    node.put("status", message.state().wireName());
    node.put("created_at", message.createdAt().toEpochMilli());
    node.put("updated_at", message.updatedAt().toEpochMilli());
    node.put("attempts", message.attempts());
    node.put("lease_until", millis(message.lease().map(Lease::until)));
    node.put("acked_at", millis(message.ackedAt()));
    return node;
  }

  static ObjectNode nacked(Message message) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("ok", true);
    node.put("status", message.state().wireName());
    node.put("lease_until", millis(message.lease().map(Lease::until)));
    return node;
  }

  private static Long millis(Optional<Instant> instant) {
    return instant.map(Instant::toEpochMilli).orElse(null);
  }
}
