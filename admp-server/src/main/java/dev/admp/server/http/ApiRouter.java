package dev.admp.server.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.util.List;

/**
 * Registers API routes under {@code /api} and under its alias {@code /v1}, each with its
 * {@link Access}; operational routes ({@code /health}, {@code /metrics}, docs) live at the root.
 */
public final class ApiRouter {
  /** The canonical prefix first, then the alias of the ADMP white paper. */
  public static final List<String> PREFIXES = List.of("/api", "/v1");

  private final RoutesConfig routes;

  ApiRouter(RoutesConfig routes) {
    this.routes = routes;
  }

  public void get(String path, Access access, Handler handler) {
    api(HandlerType.GET, path, access, handler);
  }

  public void post(String path, Access access, Handler handler) {
    api(HandlerType.POST, path, access, handler);
  }

  public void delete(String path, Access access, Handler handler) {
    api(HandlerType.DELETE, path, access, handler);
  }

  /** A route outside the API prefixes, open to anyone. */
  public void root(HandlerType method, String path, Handler handler) {
    routes.addHttpHandler(method, path, handler, Access.PUBLIC);
  }

  private void api(HandlerType method, String path, Access access, Handler handler) {
    for (String prefix : PREFIXES) {
      routes.addHttpHandler(method, prefix + path, handler, access);
    }
  }
}
