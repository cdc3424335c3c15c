package dev.admp.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.admp.protocol.envelope.EnvelopeSignature;
import dev.admp.protocol.json.JsJson;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Turns an {@link Outgoing} into a signed envelope, fields in the order JavaScript clients write them. */
final class EnvelopeWriter {
  /** As JavaScript's {@code Date.prototype.toISOString}: always milliseconds, always {@code Z}. */
  private static final DateTimeFormatter ISO_MILLIS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private final ObjectMapper mapper;

  EnvelopeWriter(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  ObjectNode signed(Outgoing message, AgentKey sender, Instant now) {
    ObjectNode envelope = mapper.createObjectNode();
    envelope.put("version", "1.0");
    message.id().ifPresent(id -> envelope.put("id", id));
    message.type().ifPresent(type -> envelope.put("type", type));
    envelope.put("from", sender.agentId());
    message.recipient().ifPresent(to -> envelope.put("to", to));
    envelope.put("subject", message.subject());
    message.correlationId().ifPresent(id -> envelope.put("correlation_id", id));
    envelope.set("body", toJson(message.body()));
    message.ttl().ifPresent(ttl -> envelope.put("ttl_sec", PullOptions.seconds(ttl)));
    envelope.put("timestamp", ISO_MILLIS.format(now));
    return EnvelopeSignature.sign(envelope, sender.secretKey(), sender.kid());
  }

  /**
   * A JSON tree of the value. A non-tree value goes through Jackson's text form, so numbers are
   * what Jackson writes for them ({@code 0.1f} stays {@code 0.1}, as a JavaScript reader would see it).
   *
   * @throws IllegalArgumentException when Jackson cannot serialise the value
   */
  JsonNode toJson(Object value) {
    if (value instanceof JsonNode node) {
      return node;
    }
    try {
      return JsJson.parse(mapper.writeValueAsString(value));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot write " + value.getClass().getName() + " as JSON", e);
    }
  }
}
