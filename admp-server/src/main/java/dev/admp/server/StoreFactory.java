package dev.admp.server;

import dev.admp.agent.AgentId;
import dev.admp.server.config.Secret;
import dev.admp.server.config.StoreConfig;
import dev.admp.store.Store;
import dev.admp.store.jdbc.JdbcStore;
import dev.admp.store.jdbc.PostgresSettings;
import dev.admp.store.memory.InMemoryStore;
import java.util.function.Consumer;

/** Opens the configured storage backend; the only place that knows every backend. */
final class StoreFactory {
  private StoreFactory() {}

  /**
   * @param inboxWake told of inboxes that got a message through another hub node, on backends
   *     that serve several nodes
   */
  static Store open(StoreConfig config, Consumer<AgentId> inboxWake) {
    return switch (config) {
      case StoreConfig.Memory memory -> new InMemoryStore();
      case StoreConfig.Sqlite sqlite -> JdbcStore.sqlite(sqlite.dataDir());
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
