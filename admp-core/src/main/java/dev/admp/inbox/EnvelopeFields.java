package dev.admp.inbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.admp.InvalidRequestException;
import dev.admp.agent.AgentId;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The fields of an envelope the hub acts on, checked as {@code API.md} requires: required fields
 * and JSON types give 400 {@code SEND_FAILED} naming the field, a timestamp that does not parse or
 * lies outside the allowed skew gives 400 {@code INVALID_TIMESTAMP}.
 *
 * @param to empty when the envelope has no {@code to} or an empty one (SEND takes it from the path, REPLY from the original)
 * @param ttlSec the requested TTL, before clamping
 */
record EnvelopeFields(
    AgentId from,
    Optional<AgentId> to,
    Optional<MessageId> id,
    Optional<String> correlationId,
    Optional<Long> ttlSec) {

  private static final String FAILED = "SEND_FAILED";

  /** Checks the envelope at {@code now}; {@code to} may be absent, the caller decides what that means. */
  static EnvelopeFields check(ObjectNode envelope, Instant now, Duration clockSkew) {
    String version = required(envelope, "version");
    if (!version.equals("1.0")) {
      throw new InvalidRequestException(FAILED, "envelope field 'version' must be \"1.0\"");
    }
    AgentId from = agentId(envelope, "from", required(envelope, "from"));
    Optional<AgentId> to = optionalText(envelope, "to").filter(t -> !t.isEmpty()).map(t -> agentId(envelope, "to", t));
    required(envelope, "subject");
    Instant timestamp = timestamp(required(envelope, "timestamp"));
    if (Duration.between(timestamp, now).abs().compareTo(clockSkew) > 0) {
      throw new InvalidRequestException("INVALID_TIMESTAMP",
          "envelope timestamp " + timestamp + " is more than " + clockSkew.toSeconds() + " s from the hub clock");
    }
    Optional<MessageId> id = optionalText(envelope, "id").map(MessageId::new);
    optionalText(envelope, "type");
    Optional<String> correlationId = optionalText(envelope, "correlation_id").filter(c -> !c.isEmpty());
    JsonNode headers = envelope.get("headers");
    if (headers != null && !headers.isNull() && !headers.isObject()) {
      throw new InvalidRequestException(FAILED, "envelope field 'headers' must be an object");
    }
    return new EnvelopeFields(from, to, id, correlationId, ttlSec(envelope));
  }

  private static String required(ObjectNode envelope, String field) {
    return optionalText(envelope, field)
        .filter(text -> !text.isEmpty())
        .orElseThrow(() -> new InvalidRequestException(FAILED, "envelope field '" + field + "' is required"));
  }

  /** Absent and null are both "not given", as JavaScript's {@code ||} treats them. */
  private static Optional<String> optionalText(ObjectNode envelope, String field) {
    JsonNode node = envelope.get(field);
    if (node == null || node.isNull()) {
      return Optional.empty();
    }
    if (!node.isTextual()) {
      throw new InvalidRequestException(FAILED, "envelope field '" + field + "' must be a string");
    }
    return Optional.of(node.textValue());
  }

  private static AgentId agentId(ObjectNode envelope, String field, String written) {
    try {
      return AgentId.parse(written);
    } catch (InvalidRequestException e) {
      throw new InvalidRequestException(FAILED, "envelope field '" + field + "' is not a valid agent id");
    }
  }

  private static Instant timestamp(String text) {
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new InvalidRequestException("INVALID_TIMESTAMP", "envelope timestamp must be ISO-8601 with a zone");
    }
  }

  private static Optional<Long> ttlSec(ObjectNode envelope) {
    JsonNode node = envelope.get("ttl_sec");
    if (node == null || node.isNull()) {
      return Optional.empty();
    }
    if (!node.isNumber() || !node.canConvertToExactIntegral() || node.decimalValue().signum() <= 0) {
      throw new InvalidRequestException(FAILED, "envelope field 'ttl_sec' must be a positive integer");
    }
    // beyond a long it is beyond any maximum TTL, and the caller clamps it
    return Optional.of(node.canConvertToLong() ? node.asLong() : Long.MAX_VALUE);
  }
}
