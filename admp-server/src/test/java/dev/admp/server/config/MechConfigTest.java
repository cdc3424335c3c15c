package dev.admp.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The {@code MECH_*} limits: defaults, values, validation, redaction. */
class MechConfigTest {
  private static Map<String, String> mech(String... more) {
    Map<String, String> env = new HashMap<>(Map.of("STORAGE_BACKEND", "mech", "MECH_BASE_URL", "https://mech.example",
        "MECH_APP_ID", "app", "MECH_API_KEY", "mech-s3cret"));
    for (int i = 0; i < more.length; i += 2) {
      env.put(more[i], more[i + 1]);
    }
    return env;
  }

  private static StoreConfig.Mech read(Map<String, String> env) {
    return (StoreConfig.Mech) AdmpConfig.fromEnv(env).store();
  }

  @Test
  void limitsDefaultToTheStoreDefaults() {
    assertThat(read(mech()).limits()).isEqualTo(new MechLimits(32, 100_000, Duration.ofSeconds(60), 3,
        Duration.ofMillis(50), 50, 20, Duration.ofSeconds(5)));
  }

  @Test
  void everyLimitIsRead() {
    MechLimits limits = read(mech("MECH_MAX_CONCURRENT_CALLS", "8", "MECH_AGENT_CACHE_SIZE", "500",
        "MECH_OWNER_TTL_MS", "30000", "MECH_RETRY_ATTEMPTS", "5", "MECH_RETRY_BACKOFF_MS", "20",
        "MECH_CIRCUIT_FAILURE_RATE", "75", "MECH_CIRCUIT_WINDOW", "40", "MECH_CIRCUIT_OPEN_MS", "1500")).limits();

    assertThat(limits).isEqualTo(new MechLimits(8, 500, Duration.ofSeconds(30), 5, Duration.ofMillis(20), 75, 40,
        Duration.ofMillis(1500)));
  }

  @Test
  void badLimitsAreEachNamed() {
    Map<String, String> env = mech("MECH_MAX_CONCURRENT_CALLS", "0", "MECH_AGENT_CACHE_SIZE", "many",
        "MECH_OWNER_TTL_MS", "1000", "MECH_RETRY_ATTEMPTS", "0", "MECH_RETRY_BACKOFF_MS", "-1",
        "MECH_CIRCUIT_FAILURE_RATE", "101", "MECH_CIRCUIT_WINDOW", "1", "MECH_CIRCUIT_OPEN_MS", "5");

    assertThatThrownBy(() -> AdmpConfig.fromEnv(env))
        .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).containsExactlyInAnyOrder(
            "MECH_MAX_CONCURRENT_CALLS must be 1-1024, was '0'",
            "MECH_AGENT_CACHE_SIZE must be 1-10000000, was 'many'",
            "MECH_OWNER_TTL_MS must be 3000-3600000, was '1000'",
            "MECH_RETRY_ATTEMPTS must be 1-10, was '0'",
            "MECH_RETRY_BACKOFF_MS must be 1-60000, was '-1'",
            "MECH_CIRCUIT_FAILURE_RATE must be 1-100, was '101'",
            "MECH_CIRCUIT_WINDOW must be 2-10000, was '1'",
            "MECH_CIRCUIT_OPEN_MS must be 100-3600000, was '5'"));
  }

  @Test
  void limitsAreNotReadForAnotherBackend() {
    assertThat(AdmpConfig.fromEnv(Map.of("STORAGE_BACKEND", "memory", "MECH_RETRY_ATTEMPTS", "0")).store())
        .isInstanceOf(StoreConfig.Memory.class);
  }

  @Test
  void startUpLineShowsTheLimitsAndNoKey() {
    AdmpConfig config = AdmpConfig.fromEnv(mech("MECH_OWNER_TTL_MS", "30000"));

    assertThat(config.redacted()).contains("api_key=<redacted>", "owner_ttl_ms=30000", "max_concurrent_calls=32",
        "circuit_open_ms=5000");
    assertThat(config.redacted() + config.store()).doesNotContain("s3cret");
  }
}
