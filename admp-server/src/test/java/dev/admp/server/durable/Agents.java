package dev.admp.server.durable;

import dev.admp.client.AdmpClient;
import dev.admp.client.RegisterRequest;
import dev.admp.client.Registered;

/** Agents for durability tests: registered with their own key pair, usable on every hub node. */
final class Agents {
  private Agents() {}

  static Registered register(AdmpClient hub, String id) {
    return hub.register(RegisterRequest.named(id).withGeneratedKeys());
  }
}
