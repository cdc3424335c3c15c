package dev.admp.server.config;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The whole configuration of a hub. {@link #fromEnv(Map)} is the only place that reads the
 * environment; each component gets its own sub-record.
 */
public record AdmpConfig(
    HttpConfig http,
    AuthConfig auth,
    StoreConfig store,
    AgentConfig agents,
    MessageConfig messages,
    SweepConfig sweep,
    WebhookConfig webhooks) {

  /** {@code STORAGE_BACKEND} when unset: durable with zero set-up ({@code DESIGN.md}, "Backends"). */
  static final StoreEnv.Backend DEFAULT_STORAGE_BACKEND = StoreEnv.Backend.SQLITE;
  static final String DEFAULT_DATA_DIR = "./data";
  private static final int DEFAULT_PORT = 8080;
  private static final int DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
  private static final long DAY_SECONDS = 86_400;
  private static final long YEAR_SECONDS = 365 * DAY_SECONDS;
  private static final long DAY_MILLIS = DAY_SECONDS * 1000;

  public AdmpConfig {
    Objects.requireNonNull(http, "http");
    Objects.requireNonNull(auth, "auth");
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(agents, "agents");
    Objects.requireNonNull(messages, "messages");
    Objects.requireNonNull(sweep, "sweep");
    Objects.requireNonNull(webhooks, "webhooks");
  }

  /**
   * Builds and validates the configuration from environment variables (names and defaults in
   * {@code API.md}, "Configuration").
   *
   * @throws ConfigException listing every bad variable, one line each
   */
  public static AdmpConfig fromEnv(Map<String, String> env) {
    EnvReader r = new EnvReader(env);
    HttpConfig http = new HttpConfig(
        r.integer("PORT", DEFAULT_PORT, 1, 65535),
        r.integer("MAX_BODY_BYTES", DEFAULT_MAX_BODY_BYTES, 1024, 1024 * 1024 * 1024));
    AuthMode mode = r.choice("AUTH_MODE", AuthMode.SIGNATURE, AuthMode.class);
    Optional<Secret> operatorKey = Optional.empty();
    if (r.bool("API_KEY_REQUIRED", false)) {
      operatorKey = r.required("MASTER_API_KEY", "when API_KEY_REQUIRED=true").map(Secret::new);
    }
    AgentConfig agents = new AgentConfig(
        r.millis("HEARTBEAT_INTERVAL_MS", 60_000, 1_000, DAY_MILLIS),
        r.millis("HEARTBEAT_TIMEOUT_MS", 300_000, 1_000, 7 * DAY_MILLIS));
    Duration maxTtl = r.seconds("MAX_TTL_SEC", 14 * DAY_SECONDS, 1, YEAR_SECONDS);
    Duration defaultTtl = r.seconds("MESSAGE_TTL_SEC", DAY_SECONDS, 1, YEAR_SECONDS);
    if (defaultTtl.compareTo(maxTtl) > 0) {
      r.problem("MESSAGE_TTL_SEC must not exceed MAX_TTL_SEC (" + maxTtl.toSeconds() + "), was '"
          + defaultTtl.toSeconds() + "'");
      defaultTtl = maxTtl;
    }
    int maxAttempts = r.integer("MAX_ATTEMPTS", 10, 1, 1000);
    SweepConfig sweep = new SweepConfig(
        r.millis("CLEANUP_INTERVAL_MS", 60_000, 100, DAY_MILLIS),
        r.seconds("RETENTION_SEC", 3600, 0, YEAR_SECONDS));
    Optional<StoreConfig> store = StoreEnv.read(r);
    r.failOnProblems();
    return new AdmpConfig(http, new AuthConfig(mode, operatorKey), store.orElseThrow(), agents,
        new MessageConfig(defaultTtl, maxTtl, maxAttempts), sweep, WebhookConfig.DEFAULT);
  }

  /** The same configuration listening on {@code port} (0 picks a free one). */
  public AdmpConfig withPort(int port) {
    return new AdmpConfig(new HttpConfig(port, http.maxBodyBytes()), auth, store, agents, messages, sweep, webhooks);
  }

  public AdmpConfig withStore(StoreConfig newStore) {
    return new AdmpConfig(http, auth, newStore, agents, messages, sweep, webhooks);
  }

  public AdmpConfig withAuth(AuthConfig newAuth) {
    return new AdmpConfig(http, newAuth, store, agents, messages, sweep, webhooks);
  }

  /** The effective configuration on one line, for the start-up log: no key, password or secret. */
  public String redacted() {
    return "port=" + http.port()
        + " max_body_bytes=" + http.maxBodyBytes()
        + " auth_mode=" + auth.mode().name().toLowerCase(java.util.Locale.ROOT)
        + " api_key_required=" + auth.operatorKey().isPresent()
        + " storage=" + store.describe()
        + " heartbeat_interval_ms=" + agents.heartbeatInterval().toMillis()
        + " heartbeat_timeout_ms=" + agents.heartbeatTimeout().toMillis()
        + " message_ttl_sec=" + messages.defaultTtl().toSeconds()
        + " max_ttl_sec=" + messages.maxTtl().toSeconds()
        + " max_attempts=" + messages.maxAttempts()
        + " cleanup_interval_ms=" + sweep.interval().toMillis()
        + " retention_sec=" + sweep.retention().toSeconds()
        + " webhook_timeout_ms=" + webhooks.timeout().toMillis()
        + " webhook_attempts=" + webhooks.maxAttempts();
  }

  @Override
  public String toString() {
    return "AdmpConfig[" + redacted() + "]";
  }
}
