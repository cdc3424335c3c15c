package dev.admp.agent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.admp.InvalidRequestException;

/** Agent metadata: a JSON object kept as compact text; heartbeats shallow-merge patches into it. */
final class Metadata {
  private final ObjectMapper json = JsonMapper.builder()
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();

  /** The object as compact text; {@code code} is the error code when it is not a JSON object. */
  String normalise(String objectJson, String code) {
    return write(parseObject(objectJson, code));
  }

  /** {@code patch}'s top-level keys replace those of {@code current}; other keys stay. */
  String merge(String current, String patchJson, String code) {
    ObjectNode patch = parseObject(patchJson, code);
    ObjectNode merged = parseObject(current, code);
    merged.setAll(patch);
    return write(merged);
  }

  private ObjectNode parseObject(String text, String code) {
    JsonNode node;
    try {
      node = json.readTree(text);
    } catch (JsonProcessingException e) {
      throw new InvalidRequestException(code, "metadata must be a JSON object");
    }
    if (node instanceof ObjectNode object) {
      return object;
    }
    throw new InvalidRequestException(code, "metadata must be a JSON object, was " + (node == null ? "empty" : node.getNodeType()));
  }

  private String write(ObjectNode node) {
    try {
      return json.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a parsed JSON object could not be written back", e);
    }
  }
}
