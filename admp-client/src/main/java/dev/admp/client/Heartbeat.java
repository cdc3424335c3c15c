package dev.admp.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * The hub's answer to a heartbeat.
 *
 * @param lastHeartbeat when the hub recorded it
 * @param timeoutAt when the agent counts as offline without another one
 * @param status {@code online}
 */
public record Heartbeat(Instant lastHeartbeat, Instant timeoutAt, String status) {
  static Heartbeat from(JsonNode json) {
    return new Heartbeat(Fields.instant(json, "last_heartbeat"), Fields.instant(json, "timeout_at"),
        Fields.optionalText(json, "status").orElse("online"));
  }
}
