package dev.admp.server.config;

import java.util.Objects;
import java.util.Optional;

/**
 * Who may call the hub.
 *
 * @param mode how agent-scoped routes authenticate the agent
 * @param operatorKey when present, every {@code /api} and {@code /v1} request must carry it
 *     ({@code API_KEY_REQUIRED=true} with {@code MASTER_API_KEY})
 */
public record AuthConfig(AuthMode mode, Optional<Secret> operatorKey) {
  public AuthConfig {
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(operatorKey, "operatorKey");
  }
}
