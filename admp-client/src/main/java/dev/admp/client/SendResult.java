package dev.admp.client;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The hub's receipt for a SEND or REPLY.
 *
 * @param messageId the message's id (the envelope's {@code id} when it had one)
 * @param status the message's state, {@code queued} for a new message
 * @param duplicate true when the hub had already accepted this message (same sender, recipient
 *     and id or idempotency key) and stored nothing new
 */
public record SendResult(String messageId, String status, boolean duplicate) {
  static SendResult from(JsonNode json) {
    return new SendResult(Fields.text(json, "message_id"), Fields.optionalText(json, "status").orElse("queued"),
        Fields.flag(json, "duplicate"));
  }
}
