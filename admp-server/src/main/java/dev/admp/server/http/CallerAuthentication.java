package dev.admp.server.http;

import io.javalin.http.Context;

/** Authenticates the caller of a matched route according to its {@link Access}; throws to refuse. */
@FunctionalInterface
public interface CallerAuthentication {
  void authenticate(Context ctx, Access access);
}
