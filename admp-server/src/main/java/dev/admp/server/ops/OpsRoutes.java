package dev.admp.server.ops;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.admp.server.http.Access;
import dev.admp.server.http.ApiRouter;
import dev.admp.server.http.RouteGroup;
import dev.admp.store.HubStats;
import dev.admp.store.Store;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code GET /health}, {@code GET /metrics} and {@code GET /api/stats}. */
public final class OpsRoutes implements RouteGroup {
  private static final Logger LOG = LoggerFactory.getLogger(OpsRoutes.class);
  /** As JavaScript's {@code Date.toISOString()}: always milliseconds, always UTC. */
  private static final DateTimeFormatter ISO_MILLIS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private final Store store;
  private final Supplier<HubStats> stats;
  private final HubMetrics metrics;
  private final Clock clock;
  private final String version;

  public OpsRoutes(Store store, Supplier<HubStats> stats, HubMetrics metrics, Clock clock, String version) {
    this.store = store;
    this.stats = stats;
    this.metrics = metrics;
    this.clock = clock;
    this.version = version;
  }

  @Override
  public void addTo(ApiRouter router) {
    router.root(HandlerType.GET, "/health", this::health);
    router.root(HandlerType.GET, "/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
        .result(metrics.scrape()));
    router.get("/stats", Access.PUBLIC, ctx -> ctx.json(StatsJson.hub(stats.get())));
  }

  /** 200 when one round trip to the storage succeeds; 503 with the same shape when it does not. */
  private void health(Context ctx) {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    try {
      store.checkHealth();
      body.put("status", "healthy");
    } catch (RuntimeException e) {
      LOG.warn("health check failed storage={} cause={}", store.name(), e.toString());
      body.put("status", "unhealthy");
      ctx.status(503);
    }
    body.put("timestamp", ISO_MILLIS.format(clock.instant()));
    body.put("version", version);
    body.put("storage", store.name());
    ctx.json(body);
  }
}
