package dev.admp.store.jdbc;

import dev.admp.store.Store;
import dev.admp.store.StoreContractTest;
import dev.admp.testkit.postgres.EmbeddedPostgresServer;
import dev.admp.testkit.postgres.PostgresDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;

/**
 * The storage contract, round-trip budget included, on an embedded PostgreSQL. One database per
 * class; each test starts from emptied tables and a new store (new pool, new cache).
 */
@Tag("postgres")
class PostgresStoreTest extends StoreContractTest {
  private static EmbeddedPostgresServer server;
  private static PostgresDatabase database;

  @BeforeAll
  static void startServer() {
    server = EmbeddedPostgresServer.start();
    database = server.createDatabase();
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  @Override
  protected Store createStore() {
    JdbcStore store = JdbcStore.postgres(PostgresVerbsTest.settings(database));
    PostgresVerbsTest.truncate(database);
    return store;
  }
}
