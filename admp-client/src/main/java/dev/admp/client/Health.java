package dev.admp.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * The hub's health: {@code healthy}, or {@code unhealthy} when its storage is unreachable.
 *
 * @param status {@code healthy} or {@code unhealthy}
 * @param version the hub's version, when reported
 * @param storage the storage backend, when reported
 */
public record Health(String status, Optional<String> version, Optional<String> storage) {
  /** Whether the hub reports itself healthy. */
  public boolean healthy() {
    return "healthy".equals(status);
  }

  static Health from(JsonNode json) {
    return new Health(Fields.optionalText(json, "status").orElse("unhealthy"),
        Fields.optionalText(json, "version"), Fields.optionalText(json, "storage"));
  }
}
