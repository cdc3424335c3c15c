package dev.admp.agent;

import java.time.Duration;
import java.util.Objects;

/**
 * How the hub judges agent liveness.
 *
 * @param heartbeatInterval how often agents are told to heartbeat ({@code HEARTBEAT_INTERVAL_MS})
 * @param heartbeatTimeout an agent is offline when its last heartbeat is older than this ({@code HEARTBEAT_TIMEOUT_MS})
 */
public record AgentSettings(Duration heartbeatInterval, Duration heartbeatTimeout) {
  public AgentSettings {
    Objects.requireNonNull(heartbeatInterval, "heartbeatInterval");
    Objects.requireNonNull(heartbeatTimeout, "heartbeatTimeout");
    if (heartbeatInterval.isNegative() || heartbeatInterval.isZero()) {
      throw new IllegalArgumentException("heartbeat interval must be positive, was " + heartbeatInterval);
    }
    if (heartbeatTimeout.isNegative() || heartbeatTimeout.isZero()) {
      throw new IllegalArgumentException("heartbeat timeout must be positive, was " + heartbeatTimeout);
    }
  }
}
