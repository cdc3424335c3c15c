package dev.admp.server.webhook;

import com.fasterxml.jackson.databind.JsonNode;

/** The serialisation the webhook signature is computed over: JavaScript's {@code JSON.stringify}. */
final class PayloadJson {
  private PayloadJson() {}

  static String stringify(JsonNode payload) {
    // Jackson's compact form equals JSON.stringify for the common envelope; JsJson covers JS number
    // formatting and integer-like key order once the protocol module provides it.
    return payload.toString();
  }
}
