package dev.admp.server.auth;

import dev.admp.agent.AgentId;
import dev.admp.agent.AgentService;
import dev.admp.server.config.AuthMode;
import dev.admp.server.http.Access;
import dev.admp.server.http.CallerAuthentication;
import dev.admp.server.http.PathIds;
import io.javalin.http.Context;
import java.util.Objects;

/**
 * Authenticates agents for the routes that need one. Signature mode: the request's HTTP Signature
 * must verify with the key of the agent the route acts for ({@link RequestSignatures}). Legacy
 * mode: the path's agent must exist, and nobody is identified.
 */
public final class AgentAuthentication implements CallerAuthentication {
  private final AuthMode mode;
  private final AgentService agents;
  private final RequestSignatures signatures;

  public AgentAuthentication(AuthMode mode, AgentService agents, RequestSignatures signatures) {
    this.mode = Objects.requireNonNull(mode, "mode");
    this.agents = Objects.requireNonNull(agents, "agents");
    this.signatures = Objects.requireNonNull(signatures, "signatures");
  }

  @Override
  public void authenticate(Context ctx, Access access) {
    switch (access) {
      case PUBLIC, ENVELOPE -> { }
      case PATH_AGENT -> {
        AgentId agent = PathIds.agent(ctx);
        switch (mode) {
          case SIGNATURE -> CallerAuthentication.identify(ctx, signatures.verify(ctx, agent));
          case LEGACY -> agents.require(agent);
        }
      }
      case ANY_AGENT -> {
        if (mode == AuthMode.SIGNATURE) {
          CallerAuthentication.identify(ctx, signatures.verify(ctx));
        }
      }
    }
  }
}
