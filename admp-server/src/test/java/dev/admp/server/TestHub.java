package dev.admp.server;

import dev.admp.server.config.AdmpConfig;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** A hub on a free port, configured from an environment map, as {@link Main} would configure it. */
public final class TestHub implements AutoCloseable {
  private final Hub hub;
  private final MutableClock clock;

  private TestHub(Hub hub, MutableClock clock) {
    this.hub = hub;
    this.clock = clock;
  }

  /** Starts a hub on a clock that tests move by hand, starting at the current time. */
  public static TestHub start(Map<String, String> env) {
    MutableClock clock = new MutableClock(Instant.now());
    Map<String, String> all = new HashMap<>(Map.of("STORAGE_BACKEND", "memory"));
    all.putAll(env);
    return new TestHub(Hub.create(AdmpConfig.fromEnv(all).withPort(0), clock).start(), clock);
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

  public HubClient client() {
    return new HubClient(hub.port(), clock);
  }

  @Override
  public void close() {
    hub.close();
  }
}
