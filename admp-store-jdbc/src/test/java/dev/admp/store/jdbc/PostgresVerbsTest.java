package dev.admp.store.jdbc;

import dev.admp.testkit.postgres.EmbeddedPostgresServer;
import dev.admp.testkit.postgres.PostgresDatabase;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;

@Tag("postgres")
class PostgresVerbsTest extends StoreVerbsTest {
  private static EmbeddedPostgresServer server;
  private PostgresDatabase database;

  @BeforeAll
  static void startServer() {
    server = EmbeddedPostgresServer.start();
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  static PostgresSettings settings(PostgresDatabase db) {
    return PostgresSettings.of(db.jdbcUrl(), db.user(), db.password())
        .withPoolSize(3)
        .withConnectionTimeout(Duration.ofSeconds(2));
  }

  @Override
  protected JdbcStore openStore() {
    database = server.createDatabase();
    return JdbcStore.postgres(settings(database));
  }

  @Override
  protected JdbcStore openSecondStoreOnSameDatabase() {
    return JdbcStore.postgres(settings(database));
  }

  @Override
  protected String expectedName() {
    return "postgres";
  }
}
