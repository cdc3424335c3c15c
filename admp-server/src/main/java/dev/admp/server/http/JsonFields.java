package dev.admp.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.admp.InvalidRequestException;
import java.time.Duration;
import java.util.Optional;

/**
 * Typed, optional fields of a request object. An absent field and {@code null} both mean "not
 * given"; a field of the wrong type or out of range is a 400 with the route's error code
 * ({@code code}) and a message naming the field — never a 500.
 */
public record JsonFields(ObjectNode node, String code) {

  public Optional<JsonNode> any(String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? Optional.empty() : Optional.of(value);
  }

  public Optional<String> string(String field) {
    return any(field).map(value -> {
      if (!value.isTextual()) {
        throw invalid(field + " must be a string, was " + typeOf(value));
      }
      return value.textValue();
    });
  }

  public Optional<Boolean> bool(String field) {
    return any(field).map(value -> {
      if (!value.isBoolean()) {
        throw invalid(field + " must be true or false, was " + typeOf(value));
      }
      return value.booleanValue();
    });
  }

  /** A whole number in {@code [min, max]}; {@code 3.0} counts as whole, as in JavaScript. */
  public Optional<Integer> integer(String field, int min, int max) {
    return any(field).map(value -> {
      double number = number(field, value);
      if (number != Math.rint(number) || number < min || number > max) {
        throw invalid(field + " must be a whole number from " + min + " to " + max + ", was " + value);
      }
      return (int) number;
    });
  }

  /** A number of seconds in {@code [min, max]}, fractions allowed, as a duration to the millisecond. */
  public Optional<Duration> seconds(String field, long min, long max) {
    return any(field).map(value -> {
      double number = number(field, value);
      if (number < min || number > max) {
        throw invalid(field + " must be from " + min + " to " + max + " seconds, was " + value);
      }
      return Duration.ofMillis(Math.round(number * 1000));
    });
  }

  /** A JSON object field, or empty. */
  public Optional<ObjectNode> object(String field) {
    return any(field).map(value -> {
      if (!(value instanceof ObjectNode object)) {
        throw invalid(field + " must be an object, was " + typeOf(value));
      }
      return object;
    });
  }

  private double number(String field, JsonNode value) {
    if (!value.isNumber()) {
      throw invalid(field + " must be a number, was " + typeOf(value));
    }
    double number = value.doubleValue();
    if (!Double.isFinite(number)) {
      throw invalid(field + " must be a finite number");
    }
    return number;
  }

  private InvalidRequestException invalid(String message) {
    return new InvalidRequestException(code, message);
  }

  /** The JavaScript-ish name of a JSON value's type, for messages. */
  static String typeOf(JsonNode value) {
    return switch (value.getNodeType()) {
      case ARRAY -> "an array";
      case OBJECT, POJO -> "an object";
      case STRING -> "a string";
      case NUMBER -> "a number";
      case BOOLEAN -> "a boolean";
      case NULL, MISSING -> "null";
      case BINARY -> "binary";
    };
  }
}
