package dev.admp.store.mech;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.admp.agent.AgentId;
import dev.admp.inbox.Lease;
import dev.admp.inbox.LeaseId;
import dev.admp.inbox.Message;
import dev.admp.inbox.MessageId;
import dev.admp.inbox.MessageState;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * A message as a document of {@code admp_messages}: times as ISO-8601 text (exact to the
 * nanosecond), the envelope as text, and {@code seq}, the hub's arrival number, which orders an
 * inbox when the index is rebuilt.
 */
final class MessageDocument {
  static final String COLLECTION = "admp_messages";

  /** A stored message and its arrival number. */
  record Stored(Message message, long seq) {}

  private MessageDocument() {}

  static ObjectNode write(Message m, long seq) {
    ObjectNode doc = JsonNodeFactory.instance.objectNode();
    doc.put("id", m.id().value());
    doc.put("from", m.from().value());
    doc.put("to", m.to().value());
    doc.put("envelope", m.envelopeJson());
    doc.put("dedup_key", m.dedupKey().orElse(null));
    doc.put("created_at", m.createdAt().toString());
    doc.put("expires_at", m.expiresAt().toString());
    doc.put("seq", seq);
    doc.setAll(patch(m));
    return doc;
  }

  /**
   * Every field a transition may change, as absolute values: applying the patch twice leaves the
   * same document, which is what makes a retried update safe.
   */
  static ObjectNode patch(Message m) {
    ObjectNode p = JsonNodeFactory.instance.objectNode();
    p.put("state", m.state().wireName());
    p.put("attempts", m.attempts());
    p.put("updated_at", m.updatedAt().toString());
    p.put("visible_at", m.visibleAt().toString());
    p.put("lease_id", m.lease().map(l -> l.id().value()).orElse(null));
    p.put("lease_until", m.lease().map(l -> l.until().toString()).orElse(null));
    p.put("acked_at", m.ackedAt().map(Instant::toString).orElse(null));
    return p;
  }

  /** Reads a stored document; throws {@link IllegalArgumentException} when it is not one of ours. */
  static Stored read(JsonNode doc) {
    try {
      MessageState state = MessageState.valueOf(text(doc, "state").toUpperCase(Locale.ROOT));
      Optional<Lease> lease = optionalText(doc, "lease_id")
          .map(id -> new Lease(new LeaseId(id), Instant.parse(text(doc, "lease_until"))));
      Message m = new Message(
          new MessageId(text(doc, "id")),
          new AgentId(text(doc, "from")),
          new AgentId(text(doc, "to")),
          text(doc, "envelope"),
          optionalText(doc, "dedup_key"),
          state,
          doc.path("attempts").asInt(),
          Instant.parse(text(doc, "created_at")),
          Instant.parse(text(doc, "updated_at")),
          Instant.parse(text(doc, "visible_at")),
          Instant.parse(text(doc, "expires_at")),
          state == MessageState.LEASED ? lease : Optional.empty(),
          optionalText(doc, "acked_at").map(Instant::parse));
      return new Stored(m, doc.path("seq").asLong());
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("not a message document: " + e.getMessage(), e);
    }
  }

  static String text(JsonNode doc, String field) {
    JsonNode v = doc.path(field);
    if (!v.isTextual()) {
      throw new IllegalArgumentException(field + " is missing");
    }
    return v.textValue();
  }

  static Optional<String> optionalText(JsonNode doc, String field) {
    JsonNode v = doc.path(field);
    return v.isTextual() ? Optional.of(v.textValue()) : Optional.empty();
  }
}
