package dev.admp.bench.backend;

import dev.admp.server.Hub;
import dev.admp.server.config.AdmpConfig;
import dev.admp.store.StoreCounters;
import java.util.HashMap;
import java.util.Map;

/**
 * Starts hubs in this JVM exactly as {@code admp serve} does, from environment variables, on an
 * ephemeral port, with HTTP signatures required and the background sweep out of the way (it
 * would reclaim the leases the benchmark wants to reclaim itself, and add round trips to measured
 * windows).
 */
public final class HubLauncher {
  static final Map<String, String> BENCH_ENV = Map.of(
      "AUTH_MODE", "signature",
      "CLEANUP_INTERVAL_MS", Long.toString(24L * 60 * 60 * 1000));

  /** Starts a hub with {@code env} on top of the benchmark's settings. */
  public RunningHub launch(Map<String, String> env) {
    Map<String, String> all = new HashMap<>(BENCH_ENV);
    all.putAll(env);
    Hub hub = Hub.create(AdmpConfig.fromEnv(all).withPort(0));
    try {
      hub.start();
    } catch (RuntimeException e) {
      hub.close();
      throw e;
    }
    return new RunningHub() {
      @Override
      public int port() {
        return hub.port();
      }

      @Override
      public StoreCounters storeCounters() {
        return hub.storeCounters();
      }

      @Override
      public void close() {
        hub.close();
      }
    };
  }
}
