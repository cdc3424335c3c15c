package dev.admp.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * Whether an agent has a webhook.
 *
 * @param url the webhook URL, when configured
 * @param configured whether one is configured
 */
public record WebhookStatus(Optional<String> url, boolean configured) {
  static WebhookStatus from(JsonNode json) {
    return new WebhookStatus(Fields.optionalText(json, "webhook_url"), Fields.flag(json, "webhook_configured"));
  }
}
