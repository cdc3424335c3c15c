package dev.admp.server;

import dev.admp.agent.AgentId;
import dev.admp.server.config.Secret;
import dev.admp.server.config.StoreConfig;
import dev.admp.store.Store;
import dev.admp.store.jdbc.AgentCacheSettings;
import dev.admp.store.jdbc.JdbcStore;
import dev.admp.store.jdbc.PostgresSettings;
import dev.admp.store.jdbc.SqliteSettings;
import dev.admp.store.memory.InMemoryStore;
import java.time.Duration;
import java.util.function.Consumer;

/** Opens the configured storage backend; the only place that knows every backend. */
final class StoreFactory {
  /**
   * A SQLite file has one hub node, and every agent write of that node updates its cache, so a
   * cached agent never goes stale; the short default TTL exists for PostgreSQL's other nodes and
   * would only add reads here.
   */
  private static final AgentCacheSettings SINGLE_NODE_AGENTS =
      new AgentCacheSettings(Duration.ofHours(1), AgentCacheSettings.DEFAULT.maxAgents());

  private StoreFactory() {}

  /**
   * @param inboxWake told of inboxes that got a message through another hub node, on backends
   *     that serve several nodes
   */
  static Store open(StoreConfig config, Consumer<AgentId> inboxWake) {
    return switch (config) {
      case StoreConfig.Memory memory -> new InMemoryStore();
      case StoreConfig.Sqlite sqlite ->
          JdbcStore.sqlite(SqliteSettings.in(sqlite.dataDir()).withAgentCache(SINGLE_NODE_AGENTS));
      case StoreConfig.Postgres postgres -> JdbcStore.postgres(postgresSettings(postgres), inboxWake);
      case StoreConfig.Mech mech -> MechBackend.open(mech);
    };
  }

  /**
   * A {@code jdbc:postgresql:} URL may still carry {@code user=} and {@code password=}; the store's
   * own parser moves them out of the URL, so its logs and errors show the URL without them.
   */
  private static PostgresSettings postgresSettings(StoreConfig.Postgres config) {
    PostgresSettings parsed = PostgresSettings.fromDatabaseUrl(config.jdbcUrl());
    return new PostgresSettings(parsed.jdbcUrl(), config.user().orElse(parsed.user()),
        config.password().map(Secret::value).orElse(parsed.password()), config.poolSize(),
        config.connectTimeout(), config.statementTimeout(), parsed.agentCache());
  }

}
