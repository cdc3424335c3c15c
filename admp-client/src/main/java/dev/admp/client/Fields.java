package dev.admp.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads fields of hub responses, failing with INVALID_RESPONSE when a required one is absent. */
final class Fields {
  private Fields() {}

  static String text(JsonNode json, String field) {
    return optionalText(json, field).orElseThrow(() -> missing(field));
  }

  static Optional<String> optionalText(JsonNode json, String field) {
    JsonNode value = json.get(field);
    return value == null || value.isNull() || !value.isValueNode() ? Optional.empty() : Optional.of(value.asText());
  }

  static long number(JsonNode json, String field) {
    JsonNode value = json.get(field);
    return value == null || !value.isNumber() ? 0 : value.asLong();
  }

  static boolean flag(JsonNode json, String field) {
    JsonNode value = json.get(field);
    return value != null && value.asBoolean(false);
  }

  static Instant instant(JsonNode json, String field) {
    return optionalInstant(json, field).orElseThrow(() -> missing(field));
  }

  /** Epoch milliseconds as the contract says; ISO-8601 text is accepted too. */
  static Optional<Instant> optionalInstant(JsonNode json, String field) {
    JsonNode value = json.get(field);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (value.isNumber()) {
      return Optional.of(Instant.ofEpochMilli(value.asLong()));
    }
    try {
      return Optional.of(Instant.parse(value.asText()));
    } catch (DateTimeParseException e) {
      throw new AdmpClientException(0, AdmpClientException.INVALID_RESPONSE,
          "the hub sent '" + field + "' as neither epoch milliseconds nor ISO-8601", e);
    }
  }

  static ObjectNode object(JsonNode json, String field) {
    JsonNode value = json.get(field);
    if (value == null || !value.isObject()) {
      throw missing(field);
    }
    return (ObjectNode) value;
  }

  static List<String> texts(JsonNode json, String field) {
    JsonNode value = json.get(field);
    List<String> texts = new ArrayList<>();
    if (value != null && value.isArray()) {
      value.forEach(element -> texts.add(element.asText()));
    }
    return List.copyOf(texts);
  }

  private static AdmpClientException missing(String field) {
    return new AdmpClientException(0, AdmpClientException.INVALID_RESPONSE,
        "the hub's response lacks '" + field + "'", null);
  }
}
