package dev.admp.server.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The hub's Jackson set-up for responses. Request bodies are parsed by {@link JsonBodies} with
 * JavaScript semantics instead, so this mapper never reads client input.
 */
public final class JsonMapping {
  private JsonMapping() {}

  public static ObjectMapper create() {
    return JsonMapper.builder().build();
  }
}
