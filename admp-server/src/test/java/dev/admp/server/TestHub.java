package dev.admp.server;

import dev.admp.server.config.AdmpConfig;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** A hub on a free port, configured from an environment map, as {@link Main} would configure it. */
public final class TestHub implements AutoCloseable {
  private final Hub hub;
  private final MutableClock clock;
  private final String storage;
  private final java.net.http.HttpClient http = HubClient.newHttpClient();

  private TestHub(Hub hub, MutableClock clock, String storage) {
    this.hub = hub;
    this.clock = clock;
    this.storage = storage;
  }

  /** Starts a hub on a clock that tests move by hand, starting at the current time. */
  public static TestHub start(Map<String, String> env) {
    MutableClock clock = new MutableClock(Instant.now());
    AdmpConfig config = config(env);
    return new TestHub(Hub.create(config, clock).start(), clock, config.store().backend());
  }

  /** Starts a hub on the given store. */
  public static TestHub start(Map<String, String> env, dev.admp.store.Store store) {
    MutableClock clock = new MutableClock(Instant.now());
    AdmpConfig config = config(env);
    return new TestHub(Hub.create(config, clock, store).start(), clock, store.name());
  }

  private static AdmpConfig config(Map<String, String> env) {
    Map<String, String> all = new HashMap<>(Map.of("STORAGE_BACKEND", "memory"));
    all.putAll(env);
    return AdmpConfig.fromEnv(all).withPort(0);
  }

  public static TestHub signatureMode() {
    return start(Map.of());
  }

  public static TestHub legacyMode() {
    return start(Map.of("AUTH_MODE", "legacy"));
  }

  public Hub hub() {
    return hub;
  }

  public MutableClock clock() {
    return clock;
  }

  /** The storage backend's name ({@code STORAGE_BACKEND}), as {@code /health} reports it. */
  public String storage() {
    return storage;
  }

  public HubClient client() {
    return new HubClient(http, hub.port(), clock);
  }

  /**
   * Waits (bounded polling of {@code /metrics}, at most 10 s) until at least {@code n} other
   * requests are being handled, e.g. a long poll that must be waiting before a test sends.
   */
  public void awaitRequestsInFlight(int n) {
    HubClient http = client();
    long deadline = System.nanoTime() + java.time.Duration.ofSeconds(10).toNanos();
    while (System.nanoTime() < deadline) {
      String metrics = http.get("/metrics").body();
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^http_server_requests_active (\\S+)$")
          .matcher(metrics);
      if (m.find() && Double.parseDouble(m.group(1)) >= n + 1) { // the scrape itself is one
        return;
      }
      java.util.concurrent.locks.LockSupport.parkNanos(5_000_000);
    }
    throw new AssertionError("fewer than " + n + " requests in flight after 10 s");
  }

  @Override
  public void close() {
    hub.close();
    http.shutdownNow(); // close() would wait for requests still in flight
  }
}
