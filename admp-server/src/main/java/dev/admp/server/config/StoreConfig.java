package dev.admp.server.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Which storage backend the hub uses ({@code STORAGE_BACKEND}) and its settings. */
public sealed interface StoreConfig {

  /** The {@code STORAGE_BACKEND} value that selects this backend. */
  String backend();

  /** A one-line description for the start-up log, without secrets. */
  String describe();

  /** Everything in process memory; lost on exit. */
  record Memory() implements StoreConfig {
    @Override
    public String backend() {
      return "memory";
    }

    @Override
    public String describe() {
      return "memory";
    }
  }

  /** A durable SQLite file under {@code dataDir}; one hub node. */
  record Sqlite(Path dataDir) implements StoreConfig {
    public Sqlite {
      Objects.requireNonNull(dataDir, "dataDir");
    }

    @Override
    public String backend() {
      return "sqlite";
    }

    @Override
    public String describe() {
      return "sqlite(data_dir=" + dataDir + ")";
    }
  }

  /**
   * PostgreSQL through a connection pool.
   *
   * @param jdbcUrl a {@code jdbc:postgresql:} URL; may carry credentials in its query when it was
   *     given that way, so it is never logged as is
   * @param user user name, when {@code DATABASE_URL} named one in its authority
   * @param password password, likewise
   */
  record Postgres(String jdbcUrl, Optional<String> user, Optional<Secret> password, int poolSize,
      Duration statementTimeout, Duration connectTimeout) implements StoreConfig {
    private static final Pattern PASSWORD_PARAM = Pattern.compile("(?i)(password=)[^&]*");

    public Postgres {
      Objects.requireNonNull(jdbcUrl, "jdbcUrl");
      Objects.requireNonNull(user, "user");
      Objects.requireNonNull(password, "password");
      Objects.requireNonNull(statementTimeout, "statementTimeout");
      Objects.requireNonNull(connectTimeout, "connectTimeout");
      if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
        throw new IllegalArgumentException("not a jdbc:postgresql: URL");
      }
      if (poolSize < 1) {
        throw new IllegalArgumentException("poolSize must be positive, was " + poolSize);
      }
    }

    @Override
    public String backend() {
      return "postgres";
    }

    @Override
    public String describe() {
      return "postgres(url=" + PASSWORD_PARAM.matcher(jdbcUrl).replaceAll("$1<redacted>")
          + ", user=" + user.orElse("-") + ", password=" + (password.isPresent() ? "<redacted>" : "-")
          + ", pool_size=" + poolSize + ", statement_timeout_ms=" + statementTimeout.toMillis()
          + ", connect_timeout_ms=" + connectTimeout.toMillis() + ")";
    }

    @Override
    public String toString() {
      return describe();
    }
  }

  /**
   * A Mech app over HTTPS.
   *
   * @param capabilities the server extensions to use: {@code filter}, {@code batch},
   *     {@code return_document}, {@code offset}
   * @param caFile a PEM CA to trust besides the system ones
   * @param limits concurrency, cache, owner lease, retries and circuit breaker
   */
  record Mech(URI baseUrl, String appId, Secret apiKey, Set<String> capabilities, Optional<Path> caFile,
      Duration connectTimeout, Duration requestTimeout, MechLimits limits) implements StoreConfig {
    /** Every capability {@code MECH_CAPABILITIES} may name. */
    public static final Set<String> KNOWN_CAPABILITIES = Set.of("filter", "batch", "return_document", "offset");

    public Mech {
      Objects.requireNonNull(baseUrl, "baseUrl");
      Objects.requireNonNull(appId, "appId");
      Objects.requireNonNull(apiKey, "apiKey");
      capabilities = Set.copyOf(capabilities);
      Objects.requireNonNull(caFile, "caFile");
      Objects.requireNonNull(connectTimeout, "connectTimeout");
      Objects.requireNonNull(requestTimeout, "requestTimeout");
      Objects.requireNonNull(limits, "limits");
      if (!KNOWN_CAPABILITIES.containsAll(capabilities)) {
        throw new IllegalArgumentException("unknown capabilities in " + capabilities);
      }
    }

    public boolean has(String capability) {
      return capabilities.contains(capability);
    }

    @Override
    public String backend() {
      return "mech";
    }

    @Override
    public String describe() {
      return "mech(base_url=" + baseUrl + ", app_id=" + appId + ", api_key=<redacted>, capabilities="
          + capabilities.stream().sorted().toList() + ", ca_file=" + caFile.map(Path::toString).orElse("-")
          + ", connect_timeout_ms=" + connectTimeout.toMillis() + ", request_timeout_ms=" + requestTimeout.toMillis()
          + ", " + limits.describe() + ")";
    }

    @Override
    public String toString() {
      return describe();
    }
  }
}
