package dev.admp.protocol.json;

import com.fasterxml.jackson.databind.JsonNode;

/** JSON exactly as JavaScript's {@code JSON.stringify} writes it. */
public final class JsJson {
  private JsJson() {}

  /** {@code JSON.stringify(value)} of the value JavaScript would get from {@code JSON.parse} of this tree. */
  public static String stringify(JsonNode value) {
    throw new UnsupportedOperationException("pending: protocol implementation");
  }
}
