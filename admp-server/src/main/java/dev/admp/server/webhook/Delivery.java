package dev.admp.server.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.admp.agent.AgentId;
import dev.admp.inbox.MessageId;
import dev.admp.protocol.json.JsJson;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * One message on its way to one webhook. Holds the secret and the envelope, so its {@code toString}
 * shows neither.
 */
record Delivery(AgentId recipient, MessageId messageId, URI target, String secret, JsonNode envelope) {

  static final String EVENT = "message.received";

  /**
   * The request body of one attempt. The signature is the lower-case hex HMAC-SHA256, keyed by the UTF-8
   * bytes of the webhook secret, of the compact JSON of {@code {event, message_id, envelope, delivered_at}}
   * in that key order, serialised exactly as JavaScript's {@code JSON.stringify} does — what a receiver
   * gets from {@code JSON.stringify(payloadWithoutSignature)} after {@code JSON.parse} of the body. The
   * body is that same text with {@code "signature"} appended as the last key, so it is also byte for byte
   * what the reference hub sends. An empty secret means no signature, as in the reference hub.
   */
  String body(Instant deliveredAt) {
    ObjectNode payload = JsonNodeFactory.instance.objectNode();
    payload.put("event", EVENT);
    payload.put("message_id", messageId.value());
    payload.set("envelope", envelope);
    payload.put("delivered_at", deliveredAt.toEpochMilli());
    String unsigned = JsJson.stringify(payload);
    if (secret.isEmpty()) {
      return unsigned;
    }
    // The signature is hex, so it needs no JSON escaping.
    return unsigned.substring(0, unsigned.length() - 1) + ",\"signature\":\"" + hmacHex(secret, unsigned) + "\"}";
  }

  static String hmacHex(String secret, String text) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }

  @Override
  public String toString() {
    return "Delivery[recipient=" + recipient + ", message=" + messageId + "]";
  }
}
