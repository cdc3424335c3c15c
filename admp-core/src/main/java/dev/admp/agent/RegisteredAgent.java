package dev.admp.agent;

import java.util.Objects;
import java.util.Optional;

/**
 * A newly registered agent, with its secret key when the hub generated the pair. The hub never
 * stores the secret key: this is the only time it exists outside the client.
 */
public record RegisteredAgent(Agent agent, Optional<byte[]> secretKey) {
  public RegisteredAgent {
    Objects.requireNonNull(agent, "agent");
    Objects.requireNonNull(secretKey, "secretKey");
    secretKey = secretKey.map(byte[]::clone);
  }

  @Override
  public Optional<byte[]> secretKey() {
    return secretKey.map(byte[]::clone);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RegisteredAgent r && agent.equals(r.agent)
        && secretKey.isPresent() == r.secretKey.isPresent()
        && java.util.Arrays.equals(secretKey.orElse(null), r.secretKey.orElse(null));
  }

  @Override
  public int hashCode() {
    return agent.hashCode();
  }

  @Override
  public String toString() {
    return "RegisteredAgent[agent=" + agent + ", secretKey=" + secretKey.map(k -> "<redacted>").orElse("none") + "]";
  }
}
