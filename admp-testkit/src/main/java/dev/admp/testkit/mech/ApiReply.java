package dev.admp.testkit.mech;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/** A status and an optional JSON body. */
record ApiReply(int status, Optional<JsonNode> body) {
  static ApiReply of(int status, JsonNode body) {
    return new ApiReply(status, Optional.of(body));
  }

  static ApiReply noContent() {
    return new ApiReply(204, Optional.empty());
  }

  /** {@code {"error":{"code":..,"message":..}}}, the shape of every Mech error. */
  static ApiReply error(int status, String code, String message) {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    ObjectNode error = root.putObject("error");
    error.put("code", code);
    error.put("message", message);
    return of(status, root);
  }
}
