package dev.admp.server.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.admp.server.config.HttpConfig;
import dev.admp.server.config.Secret;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.json.JavalinJackson;
import io.javalin.router.Endpoint;
import io.javalin.router.ParsedEndpoint;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hub's HTTP server: Javalin on Jetty 12 with virtual threads. Routes come from the
 * {@link RouteGroup}s; before any handler the operator key (when configured) and the caller are
 * checked, and {@link ErrorMapper} renders every failure.
 */
public final class ApiServer implements AutoCloseable {
  /**
   * JavaScript clients put agent ids through {@code encodeURIComponent}, so a path segment may
   * hold {@code %2F} (and {@code %25}). Jetty's default compliance rejects both as ambiguous;
   * allow exactly those two. Routing then matches the raw path and each path parameter is
   * decoded once. {@code %2e%2e} segments and other ambiguities stay rejected.
   */
  static final UriCompliance URI_COMPLIANCE = UriCompliance.DEFAULT.with("ADMP",
      UriCompliance.Violation.AMBIGUOUS_PATH_SEPARATOR, UriCompliance.Violation.AMBIGUOUS_PATH_ENCODING);

  /** Pending connections the kernel may queue before the server accepts them. */
  static final int ACCEPT_QUEUE = 1024;

  /**
   * What the server is made of.
   *
   * @param operatorKey when present, required on every {@code /api} and {@code /v1} request
   */
  public record Parts(HttpConfig http, ObjectMapper json, Optional<Secret> operatorKey,
      CallerAuthentication callers, RequestObserver observer, List<RouteGroup> routes) {
    public Parts {
      Objects.requireNonNull(http, "http");
      Objects.requireNonNull(json, "json");
      Objects.requireNonNull(operatorKey, "operatorKey");
      Objects.requireNonNull(callers, "callers");
      Objects.requireNonNull(observer, "observer");
      routes = List.copyOf(routes);
    }
  }

  /** One registered route, for documentation checks. */
  public record Route(String method, String path) {}

  private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);

  private final Javalin app;

  public ApiServer(Parts parts) {
    ErrorMapper errors = new ErrorMapper(parts.json());
    this.app = Javalin.create(cfg -> configure(cfg, parts, errors));
  }

  private static void configure(JavalinConfig cfg, Parts parts, ErrorMapper errors) {
    cfg.startup.showJavalinBanner = false;
    cfg.startup.showOldJavalinVersionWarning = false;
    cfg.concurrency.useVirtualThreads = true;
    cfg.http.prefer405over404 = true;
    cfg.http.maxRequestSize = parts.http().maxBodyBytes();
    cfg.http.defaultContentType = "application/json";
    cfg.jsonMapper(new JavalinJackson(parts.json(), true));
    cfg.jetty.addConnector((server, httpConfiguration) -> {
      ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(httpConfiguration));
      connector.setPort(parts.http().port());
      // Agents reconnect in bursts (a hub restart, a network blip), each with a long poll; the JDK's
      // default backlog of 50 would make the kernel drop some of those connections.
      connector.setAcceptQueueSize(ACCEPT_QUEUE);
      return connector;
    });
    cfg.jetty.modifyHttpConfiguration(h -> {
      h.setUriCompliance(URI_COMPLIANCE);
      h.setSendServerVersion(false);
    });
    cfg.jetty.modifyServletContextHandler(h -> h.getServletHandler().setDecodeAmbiguousURIs(true));
    cfg.jetty.modifyServer(server -> server.setErrorHandler(errors.jettyErrorHandler()));
    cfg.requestLogger.http((ctx, millis) -> {
      String route = routeOf(ctx);
      parts.observer().finished(ctx.method().name(), route, ctx.statusCode(), Duration.ofNanos((long) (millis * 1e6)));
      LOG.debug("request request_id={} method={} route={} status={} ms={}", RequestIds.of(ctx), ctx.method(), route,
          ctx.statusCode(), Math.round(millis));
    });

    errors.install(cfg.routes);
    cfg.routes.before(ctx -> {
      parts.observer().started();
      RequestIds.assign(ctx);
    });
    parts.operatorKey().ifPresent(key -> {
      OperatorKeyCheck check = new OperatorKeyCheck(key);
      for (String prefix : ApiRouter.PREFIXES) {
        cfg.routes.before(prefix + "/*", check);
      }
    });
    cfg.routes.beforeMatched(ctx -> {
      for (var role : ctx.routeRoles()) {
        if (role instanceof Access access) {
          parts.callers().authenticate(ctx, access);
        }
      }
    });
    cfg.routes.after(ctx -> JsonBodies.drain(ctx, parts.http().maxBodyBytes()));
    ApiRouter router = new ApiRouter(cfg.routes);
    parts.routes().forEach(group -> group.addTo(router));
  }

  private static String routeOf(Context ctx) {
    Endpoint matched = ctx.endpoints().matchedHttpEndpoint();
    return matched == null ? "unmatched" : matched.path;
  }

  public ApiServer start() {
    app.start();
    return this;
  }

  /** The bound port (after {@link #start()}). */
  public int port() {
    return app.port();
  }

  /** Every HTTP route, as registered. */
  public List<Route> routes() {
    return app.unsafe.internalRouter.allHttpHandlers().stream()
        .map((ParsedEndpoint parsed) -> parsed.endpoint)
        .filter(endpoint -> endpoint.method.isHttpMethod())
        .map(endpoint -> new Route(endpoint.method.name(), endpoint.path))
        .toList();
  }

  @Override
  public void close() {
    app.stop();
  }
}
