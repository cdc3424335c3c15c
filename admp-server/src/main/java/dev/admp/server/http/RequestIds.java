package dev.admp.server.http;

import io.javalin.http.Context;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Gives every request an id, echoed in {@code X-Request-Id} and in error bodies, so a client's
 * report can be matched to the hub's log. A sane id sent by the client (or a proxy) is kept.
 */
final class RequestIds {
  static final String HEADER = "X-Request-Id";
  private static final String ATTRIBUTE = "admp.request-id";
  private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  private RequestIds() {}

  static void assign(Context ctx) {
    String given = ctx.header(HEADER);
    String id = given != null && SANE.matcher(given).matches() ? given : UUID.randomUUID().toString();
    ctx.attribute(ATTRIBUTE, id);
    ctx.header(HEADER, id);
  }

  /** The request's id; assigned late when the request failed before the first filter ran. */
  static String of(Context ctx) {
    String id = ctx.attribute(ATTRIBUTE);
    if (id == null) {
      assign(ctx);
      id = ctx.attribute(ATTRIBUTE);
    }
    return id;
  }
}
