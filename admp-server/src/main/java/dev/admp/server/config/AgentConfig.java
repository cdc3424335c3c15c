package dev.admp.server.config;

import java.time.Duration;
import java.util.Objects;

/** Heartbeat settings: an agent is online while its last heartbeat is younger than the timeout. */
public record AgentConfig(Duration heartbeatInterval, Duration heartbeatTimeout) {
  public AgentConfig {
    Objects.requireNonNull(heartbeatInterval, "heartbeatInterval");
    Objects.requireNonNull(heartbeatTimeout, "heartbeatTimeout");
  }
}
