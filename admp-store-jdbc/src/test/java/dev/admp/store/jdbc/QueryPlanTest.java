package dev.admp.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.admp.testkit.postgres.EmbeddedPostgresServer;
import dev.admp.testkit.postgres.PostgresDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hot paths are served by their indexes on both databases. */
class QueryPlanTest {
  /** The filter of each hot path, as the store's statements write it, and the index that must serve it. */
  private static final Map<String, String> HOT_PATHS = Map.of(
      "SELECT seq FROM messages WHERE to_agent = 'bob' AND state = 'queued' AND visible_at <= 5 AND expires_at > 5"
          + " ORDER BY seq LIMIT 10", "messages_queued",
      "SELECT seq FROM messages WHERE dedup_key = 'a|b|c'", "dedup_key",
      "SELECT seq FROM messages WHERE state = 'leased' AND lease_until <= 5", "messages_lease_until",
      "SELECT seq FROM messages WHERE state IN ('queued', 'leased') AND expires_at <= 5", "messages_expires_at",
      "SELECT seq FROM messages WHERE state IN ('acked', 'expired', 'dead') AND updated_at <= 5", "messages_finished",
      "SELECT state, COUNT(*) FROM messages WHERE to_agent = 'bob' GROUP BY state", "messages_inbox_state");

  @TempDir
  Path dir;

  @Test
  void sqliteUsesAnIndexForEveryHotPath() throws SQLException {
    JdbcStore.sqlite(dir).close();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("admp.db"))) {
      // SQLite may pick another index for a path (index entries end with the rowid, so
      // (to_agent, state) also yields an inbox's queued messages in arrival order): what
      // matters is that no path scans the table or sorts.
      HOT_PATHS.keySet().forEach(query -> assertThat(plan(c, "EXPLAIN QUERY PLAN " + query)).as(query)
          .contains("INDEX").doesNotContain("SCAN messages").doesNotContain("TEMP B-TREE"));
    }
  }

  @Test
  @Tag("postgres")
  void postgresUsesAnIndexForEveryHotPath() throws SQLException {
    try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start()) {
      PostgresDatabase db = server.createDatabase();
      JdbcStore.postgres(PostgresVerbsTest.settings(db)).close();
      try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password())) {
        c.createStatement().execute("SET enable_seqscan = off");
        HOT_PATHS.forEach((query, index) -> assertThat(plan(c, "EXPLAIN " + query)).as(query)
            .contains(index.equals("dedup_key") ? "messages_dedup_key_key" : index));
      }
    }
  }

  private static String plan(Connection c, String explain) {
    try (var rs = c.createStatement().executeQuery(explain)) {
      var text = new StringBuilder();
      while (rs.next()) {
        text.append(rs.getString(rs.getMetaData().getColumnCount())).append('\n');
      }
      return text.toString();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
