package dev.admp.server.config;

import dev.admp.store.mech.MechStoreConfig;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads {@code STORAGE_BACKEND} and the variables of the chosen backend. */
final class StoreEnv {
  private static final Pattern APP_ID = Pattern.compile("[A-Za-z0-9._-]{1,128}");

  private StoreEnv() {}

  /** The storage backends {@code STORAGE_BACKEND} may name. */
  enum Backend { MEMORY, SQLITE, POSTGRES, MECH }

  /** Empty when the chosen backend's variables have problems (they are recorded in {@code env}). */
  static Optional<StoreConfig> read(EnvReader env) {
    Backend backend = env.choice("STORAGE_BACKEND", AdmpConfig.DEFAULT_STORAGE_BACKEND, Backend.class);
    return switch (backend) {
      case MEMORY -> Optional.of(new StoreConfig.Memory());
      case SQLITE -> dataDir(env).map(StoreConfig.Sqlite::new);
      case POSTGRES -> postgres(env);
      case MECH -> mech(env);
    };
  }

  private static Optional<Path> dataDir(EnvReader env) {
    String raw = env.string("DATA_DIR").orElse(AdmpConfig.DEFAULT_DATA_DIR);
    try {
      return Optional.of(Path.of(raw));
    } catch (InvalidPathException e) {
      env.problem("DATA_DIR must be a directory path, was " + EnvReader.show(raw));
      return Optional.empty();
    }
  }

  private static Optional<StoreConfig> postgres(EnvReader env) {
    int poolSize = env.integer("DATABASE_POOL_SIZE", 10, 1, 1000);
    Duration statementTimeout = env.millis("DATABASE_STATEMENT_TIMEOUT_MS", 10_000, 100, 3_600_000);
    Duration connectTimeout = env.millis("DATABASE_CONNECT_TIMEOUT_MS", 5_000, 100, 600_000);
    Optional<String> raw = env.required("DATABASE_URL", "when STORAGE_BACKEND=postgres");
    if (raw.isEmpty()) {
      return Optional.empty();
    }
    Optional<DatabaseUrl> url = DatabaseUrl.parse(raw.get());
    if (url.isEmpty()) {
      env.problem("DATABASE_URL must be postgres://user:pass@host:port/db or a jdbc:postgresql: URL"
          + " (value not shown: it may hold a password)");
      return Optional.empty();
    }
    return Optional.of(new StoreConfig.Postgres(url.get().jdbcUrl(), url.get().user(), url.get().password(),
        poolSize, statementTimeout, connectTimeout));
  }

  private static Optional<StoreConfig> mech(EnvReader env) {
    String when = "when STORAGE_BACKEND=mech";
    Optional<URI> baseUrl = env.required("MECH_BASE_URL", when).flatMap(raw -> httpUrl(env, raw));
    Optional<String> appId = env.required("MECH_APP_ID", when).filter(id -> {
      boolean valid = APP_ID.matcher(id).matches();
      if (!valid) {
        env.problem("MECH_APP_ID must match " + APP_ID.pattern() + ", was " + EnvReader.show(id));
      }
      return valid;
    });
    Optional<Secret> apiKey = env.required("MECH_API_KEY", when).map(Secret::new);
    Set<String> capabilities = capabilities(env);
    Optional<Path> caFile = caFile(env);
    Duration connectTimeout = env.millis("MECH_CONNECT_TIMEOUT_MS", 5_000, 100, 600_000);
    Duration requestTimeout = env.millis("MECH_REQUEST_TIMEOUT_MS", 10_000, 100, 600_000);
    MechLimits limits = mechLimits(env);
    if (baseUrl.isEmpty() || appId.isEmpty() || apiKey.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new StoreConfig.Mech(baseUrl.get(), appId.get(), apiKey.get(), capabilities, caFile,
        connectTimeout, requestTimeout, limits));
  }

  /** Defaults are the store's own, so they live in one place. */
  private static MechLimits mechLimits(EnvReader env) {
    MechStoreConfig.Resilience defaults = MechStoreConfig.Resilience.DEFAULTS;
    return new MechLimits(
        env.integer("MECH_MAX_CONCURRENT_CALLS", MechStoreConfig.DEFAULT_MAX_CONCURRENT_CALLS, 1, 1024),
        env.integer("MECH_AGENT_CACHE_SIZE", MechStoreConfig.DEFAULT_AGENT_CACHE_SIZE, 1, 10_000_000),
        env.millis("MECH_OWNER_TTL_MS", MechStoreConfig.DEFAULT_OWNER_TTL.toMillis(), 3_000, 3_600_000),
        env.integer("MECH_RETRY_ATTEMPTS", defaults.maxAttempts(), 1, 10),
        env.millis("MECH_RETRY_BACKOFF_MS", defaults.initialBackoff().toMillis(), 1, 60_000),
        env.integer("MECH_CIRCUIT_FAILURE_RATE", Math.round(defaults.failureRateThreshold()), 1, 100),
        env.integer("MECH_CIRCUIT_WINDOW", defaults.window(), 2, 10_000),
        env.millis("MECH_CIRCUIT_OPEN_MS", defaults.openFor().toMillis(), 100, 3_600_000));
  }

  private static Optional<URI> httpUrl(EnvReader env, String raw) {
    try {
      URI uri = new URI(raw);
      if (uri.isAbsolute() && ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))
          && uri.getHost() != null && uri.getRawUserInfo() == null) {
        return Optional.of(uri);
      }
    } catch (URISyntaxException e) {
      // reported below
    }
    env.problem("MECH_BASE_URL must be an absolute http(s) URL without user info, was " + EnvReader.show(raw));
    return Optional.empty();
  }

  private static Set<String> capabilities(EnvReader env) {
    Optional<String> raw = env.string("MECH_CAPABILITIES");
    Set<String> result = new LinkedHashSet<>();
    if (raw.isEmpty()) {
      return result;
    }
    for (String name : raw.get().split(",")) {
      String capability = name.strip();
      if (capability.isEmpty()) {
        continue;
      }
      if (!StoreConfig.Mech.KNOWN_CAPABILITIES.contains(capability)) {
        env.problem("MECH_CAPABILITIES must be a comma-separated list of "
            + Arrays.toString(StoreConfig.Mech.KNOWN_CAPABILITIES.stream().sorted().toArray())
            + ", was " + EnvReader.show(raw.get()));
        return Set.of();
      }
      result.add(capability);
    }
    return result;
  }

  private static Optional<Path> caFile(EnvReader env) {
    Optional<String> raw = env.string("MECH_CA_FILE");
    if (raw.isEmpty()) {
      return Optional.empty();
    }
    try {
      Path path = Path.of(raw.get());
      if (Files.isRegularFile(path) && Files.isReadable(path)) {
        return Optional.of(path);
      }
    } catch (InvalidPathException e) {
      // reported below
    }
    env.problem("MECH_CA_FILE must be a readable PEM file, was " + EnvReader.show(raw.get()));
    return Optional.empty();
  }
}
