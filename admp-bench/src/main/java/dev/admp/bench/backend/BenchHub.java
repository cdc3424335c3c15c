package dev.admp.bench.backend;

import dev.admp.bench.report.StoreUse;
import dev.admp.bench.report.Target;
import dev.admp.client.AdmpClient;
import dev.admp.client.RegisterRequest;
import dev.admp.store.StoreCounters;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * A hub under test and the clients that drive it: all share one HTTP/1.1 connection pool,
 * sign every agent-scoped request (the hub runs with {@code AUTH_MODE=signature}) and give up
 * after {@link #CALL_TIMEOUT}, so no step can hang the benchmark.
 */
public final class BenchHub implements AutoCloseable {
  static final Duration CALL_TIMEOUT = Duration.ofSeconds(15);

  private final Target target;
  private final RunningHub hub;
  private final Consumer<Phase> network;
  private final AutoCloseable resources;
  private final URI baseUrl;
  private final HttpClient http;
  private final AdmpClient anonymous;

  /**
   * @param network switches the injected storage latency for a phase (a no-op without a proxy)
   * @param resources closed after the hub (a data directory, a database)
   */
  public BenchHub(Target target, RunningHub hub, Consumer<Phase> network, AutoCloseable resources) {
    this.target = Objects.requireNonNull(target, "target");
    this.hub = Objects.requireNonNull(hub, "hub");
    this.network = Objects.requireNonNull(network, "network");
    this.resources = Objects.requireNonNull(resources, "resources");
    this.baseUrl = URI.create("http://127.0.0.1:" + hub.port());
    this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(CALL_TIMEOUT).build();
    this.anonymous = client(Clock.systemUTC());
  }

  public Target target() {
    return target;
  }

  public URI baseUrl() {
    return baseUrl;
  }

  /** The store's counters now, for measuring a window. */
  public StoreUse counters() {
    StoreCounters c = hub.storeCounters();
    return new StoreUse(c.roundTrips(), c.connectionsOpened());
  }

  /** Storage work since {@code before} (a value of {@link #counters()}). */
  public StoreUse since(StoreUse before) {
    StoreUse now = counters();
    return new StoreUse(now.roundTrips() - before.roundTrips(), now.connections() - before.connections());
  }

  public void phase(Phase phase) {
    network.accept(phase);
  }

  /** A client without an agent (registration, health). */
  public AdmpClient client() {
    return anonymous;
  }

  /** A client without an agent whose timestamps and {@code Date} headers come from {@code clock}. */
  public AdmpClient client(Clock clock) {
    return AdmpClient.builder(baseUrl).httpClient(http).timeout(CALL_TIMEOUT).clock(clock).build();
  }

  /** Registers a fresh agent with a key pair made here (only the public key is sent). */
  public BenchAgent register(String role) {
    var registered = anonymous.register(
        RegisterRequest.named("agent://bench-" + role + "-" + UUID.randomUUID()).withGeneratedKeys());
    return new BenchAgent(registered, anonymous.withAgent(registered));
  }

  /** Closes the clients, the hub, then its resources; the first failure is rethrown after all were tried. */
  @Override
  public void close() {
    RuntimeException failure = null;
    try {
      anonymous.close();
      http.close();
    } catch (RuntimeException e) {
      failure = e;
    }
    try {
      hub.close();
    } catch (RuntimeException e) {
      failure = failure == null ? e : failure;
    }
    try {
      resources.close();
    } catch (Exception e) {
      failure = failure == null ? new IllegalStateException("cannot release " + target.label() + "'s resources", e)
          : failure;
    }
    if (failure != null) {
      throw failure;
    }
  }
}
