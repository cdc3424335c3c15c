package dev.admp.server.ops;

import dev.admp.server.http.RequestObserver;
import dev.admp.store.Store;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The hub's meters, one registry per hub: HTTP requests by route and status, storage round
 * trips and connections, and the message flow (sent, leased, acked).
 */
public final class HubMetrics implements RequestObserver, AutoCloseable {
  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final Counter sent;
  private final Counter duplicates;
  private final Counter leased;
  private final Counter acked;
  private final Counter nacked;
  private final JvmGcMetrics gc = new JvmGcMetrics();
  private final AtomicInteger active = new AtomicInteger();

  public HubMetrics() {
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    gc.bindTo(registry);
    sent = Counter.builder("admp.messages.sent").description("Messages queued by SEND and REPLY").register(registry);
    duplicates = Counter.builder("admp.messages.duplicates")
        .description("SENDs answered with an existing message (idempotent repeats)").register(registry);
    leased = Counter.builder("admp.messages.leased").description("Messages handed out by PULL").register(registry);
    acked = Counter.builder("admp.messages.acked").description("Messages acknowledged").register(registry);
    Gauge.builder("http.server.requests.active", active, AtomicInteger::get)
        .description("Requests being handled, long polls included").register(registry);
    nacked = Counter.builder("admp.messages.nacked").description("Messages nacked (requeued or extended)")
        .register(registry);
  }

  /** Exposes the store's own counters; read at scrape time, so they cost nothing per request. */
  public void bind(Store store) {
    FunctionCounter.builder("admp.store.round.trips", store, s -> s.counters().roundTrips())
        .description("Requests or statements sent to the storage").tag("backend", store.name()).register(registry);
    FunctionCounter.builder("admp.store.connections.opened", store, s -> s.counters().connectionsOpened())
        .description("Connections the store opened to the storage").tag("backend", store.name()).register(registry);
  }

  @Override
  public void started() {
    active.incrementAndGet();
  }

  @Override
  public void finished(String method, String route, int status, Duration elapsed) {
    Timer.builder("http.server.requests")
        .description("HTTP requests by route and status")
        .tag("method", method)
        .tag("route", route)
        .tag("status", Integer.toString(status))
        .register(registry)
        .record(elapsed);
    active.decrementAndGet();
  }

  public void sent(boolean duplicate) {
    (duplicate ? duplicates : sent).increment();
  }

  public void leased(int count) {
    leased.increment(count);
  }

  public void acked() {
    acked.increment();
  }

  public void nacked() {
    nacked.increment();
  }

  /** For components that register their own meters (the webhook dispatcher). */
  public MeterRegistry registry() {
    return registry;
  }

  /** The Prometheus text exposition. */
  public String scrape() {
    return registry.scrape();
  }

  @Override
  public void close() {
    gc.close();
    registry.close();
  }
}
