package dev.admp.server.http;

import dev.admp.ForbiddenException;
import dev.admp.UnauthorizedException;
import dev.admp.server.config.Secret;
import io.javalin.http.Context;
import io.javalin.http.Handler;

/**
 * The optional operator key ({@code API_KEY_REQUIRED=true}): every API request carries
 * {@code X-API-Key: <key>} or {@code Authorization: Bearer <key>}, compared in constant time.
 */
final class OperatorKeyCheck implements Handler {
  private static final String BEARER = "bearer ";

  private final Secret key;

  OperatorKeyCheck(Secret key) {
    this.key = key;
  }

  @Override
  public void handle(Context ctx) {
    String given = ctx.header("X-API-Key");
    if (given == null) {
      String authorization = ctx.header("Authorization");
      if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
        given = authorization.substring(BEARER.length()).strip();
      }
    }
    if (given == null || given.isEmpty()) {
      throw new UnauthorizedException("API_KEY_REQUIRED",
          "this hub requires an API key in X-API-Key or Authorization: Bearer");
    }
    if (!key.matches(given)) {
      throw new ForbiddenException("INVALID_API_KEY", "the API key is not valid");
    }
  }
}
