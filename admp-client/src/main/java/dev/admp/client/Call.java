package dev.admp.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One request to the hub: method, encoded path below the base URL, optional JSON body, whether it
 * carries the agent's HTTP signature, extra headers and extra time (long polls) beyond the timeout.
 */
record Call(String method, String path, Optional<JsonNode> body, Auth auth, Map<String, String> headers,
    Duration extraWait) {
  /** Whether a request carries the agent's HTTP signature. */
  enum Auth { NONE, AGENT_SIGNATURE }

  Call {
    headers = Map.copyOf(headers);
  }

  static Call get(String path) {
    return new Call("GET", path, Optional.empty(), Auth.NONE, Map.of(), Duration.ZERO);
  }

  static Call delete(String path) {
    return new Call("DELETE", path, Optional.empty(), Auth.NONE, Map.of(), Duration.ZERO);
  }

  static Call post(String path, JsonNode body) {
    return new Call("POST", path, Optional.of(body), Auth.NONE, Map.of(), Duration.ZERO);
  }

  Call signed() {
    return new Call(method, path, body, Auth.AGENT_SIGNATURE, headers, extraWait);
  }

  Call header(String name, String value) {
    Map<String, String> more = new LinkedHashMap<>(headers);
    more.put(name, value);
    return new Call(method, path, body, auth, more, extraWait);
  }

  Call waiting(Duration wait) {
    return new Call(method, path, body, auth, headers, wait);
  }
}
