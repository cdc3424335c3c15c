package dev.admp.bench.backend;

import dev.admp.client.AdmpClient;
import dev.admp.client.Registered;
import java.util.Objects;

/** A registered agent and a client acting as it. */
public record BenchAgent(Registered registered, AdmpClient client) {
  public BenchAgent {
    Objects.requireNonNull(registered, "registered");
    Objects.requireNonNull(client, "client");
  }

  public String id() {
    return registered.agentId();
  }

  public byte[] secretKey() {
    return registered.secretKey();
  }
}
