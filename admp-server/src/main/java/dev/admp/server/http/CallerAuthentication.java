package dev.admp.server.http;

import dev.admp.agent.AgentId;
import io.javalin.http.Context;
import java.util.Optional;

/**
 * Authenticates the caller of a matched route according to its {@link Access}; throws to refuse.
 * An implementation that identifies the caller records it with {@link #identify}.
 */
@FunctionalInterface
public interface CallerAuthentication {
  String CALLER = "admp.caller";

  void authenticate(Context ctx, Access access);

  /** Records the authenticated agent of this request. */
  static void identify(Context ctx, AgentId agent) {
    ctx.attribute(CALLER, agent);
  }

  /** The agent that authenticated this request, if the route and mode identify one. */
  static Optional<AgentId> caller(Context ctx) {
    return Optional.ofNullable(ctx.attribute(CALLER));
  }
}
