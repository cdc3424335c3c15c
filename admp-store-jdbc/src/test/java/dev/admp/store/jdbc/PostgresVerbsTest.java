package dev.admp.store.jdbc;

import dev.admp.testkit.postgres.EmbeddedPostgresServer;
import dev.admp.testkit.postgres.PostgresDatabase;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;

@Tag("postgres")
class PostgresVerbsTest extends StoreVerbsTest {
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

  static PostgresSettings settings(PostgresDatabase db) {
    return PostgresSettings.of(db.jdbcUrl(), db.user(), db.password())
        .withPoolSize(3)
        .withConnectionTimeout(Duration.ofSeconds(2));
  }

  /** Empties the tables of a database the store has migrated. */
  static void truncate(PostgresDatabase db) {
    try (var c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password())) {
      c.createStatement().execute("TRUNCATE messages, agents RESTART IDENTITY");
    } catch (SQLException e) {
      throw new IllegalStateException("cannot empty the test database", e);
    }
  }

  @Override
  protected JdbcStore openStore() {
    JdbcStore store = JdbcStore.postgres(settings(database));
    truncate(database);
    return store;
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
