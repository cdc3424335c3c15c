package dev.admp.testkit.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("postgres")
class EmbeddedPostgresServerTest {
  private static EmbeddedPostgresServer server;

  @BeforeAll
  static void startServer() {
    server = EmbeddedPostgresServer.start();
  }

  @AfterAll
  static void closeServer() {
    server.close();
  }

  @Test
  void createdDatabaseAcceptsItsOwnerWithThePassword() throws SQLException {
    PostgresDatabase db = server.createDatabase();
    try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
         var rs = c.createStatement().executeQuery("SELECT current_database(), current_user")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo(db.name());
      assertThat(rs.getString(2)).isEqualTo(db.user());
    }
  }

  @Test
  void wrongPasswordIsRefused() {
    PostgresDatabase db = server.createDatabase();
    assertThatThrownBy(() -> DriverManager.getConnection(db.jdbcUrl(), db.user(), "wrong").close())
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("password authentication failed");
  }

  @Test
  void eachDatabaseIsFresh() {
    assertThat(server.createDatabase().name()).isNotEqualTo(server.createDatabase().name());
  }

  @Test
  void toStringHidesThePassword() {
    PostgresDatabase db = server.createDatabase();
    assertThat(db.toString()).doesNotContain(db.password()).contains("<redacted>");
  }

  @Test
  void restartedServerKeepsItsDataAndPort() throws SQLException {
    PostgresDatabase db = server.createDatabase();
    try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password())) {
      c.createStatement().execute("CREATE TABLE kept(x int); INSERT INTO kept VALUES (42)");
    }
    server.stop();
    assertThatThrownBy(() -> DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password()).close())
        .isInstanceOf(SQLException.class);
    server.restart();
    try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
         var rs = c.createStatement().executeQuery("SELECT x FROM kept")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getInt(1)).isEqualTo(42);
    }
  }
}
