package dev.admp.agent;

import java.util.Objects;

/** Where the hub pushes new messages for an agent, and the HMAC key it signs them with. */
public record Webhook(String url, String secret) {
  public Webhook {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(secret, "secret");
  }

  @Override
  public String toString() {
    return "Webhook[url=" + url + ", secret=<redacted>]";
  }
}
