package dev.admp.store.jdbc;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * The embedded store: one file, {@code admp.db}, in {@code dataDir} (created when missing).
 *
 * @param dataDir the directory of the database file ({@code DATA_DIR})
 * @param readers connections for reads, beside the single writer connection
 * @param busyTimeout how long a connection waits for a lock held by another (checkpoints, readers)
 * @param writerTimeout how long a write waits for the writer connection before the store reports itself unavailable
 * @param agentCache the agent cache
 */
public record SqliteSettings(Path dataDir, int readers, Duration busyTimeout, Duration writerTimeout,
    AgentCacheSettings agentCache) {
  public static final String FILE_NAME = "admp.db";

  public SqliteSettings {
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(agentCache, "agentCache");
    if (readers < 1) {
      throw new IllegalArgumentException("sqlite readers must be at least 1, was " + readers);
    }
    requirePositive("busy timeout", busyTimeout);
    requirePositive("writer timeout", writerTimeout);
  }

  /** The defaults for a data directory. */
  public static SqliteSettings in(Path dataDir) {
    return new SqliteSettings(dataDir, 4, Duration.ofSeconds(5), Duration.ofSeconds(30), AgentCacheSettings.DEFAULT);
  }

  public SqliteSettings withAgentCache(AgentCacheSettings cache) {
    return new SqliteSettings(dataDir, readers, busyTimeout, writerTimeout, cache);
  }

  /** The database file. */
  public Path file() {
    return dataDir.resolve(FILE_NAME);
  }

  static void requirePositive(String what, Duration d) {
    if (d == null || d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(what + " must be positive, was " + d);
    }
  }
}
