package dev.admp.store.jdbc;

import static dev.admp.store.jdbc.Fixtures.T0;
import static dev.admp.store.jdbc.Fixtures.agent;
import static dev.admp.store.jdbc.Fixtures.id;
import static dev.admp.store.jdbc.Fixtures.message;
import static org.assertj.core.api.Assertions.assertThat;

import dev.admp.agent.Agent;
import dev.admp.inbox.EnqueueOutcome;
import dev.admp.inbox.InboxStats;
import dev.admp.inbox.LeaseMatch;
import dev.admp.inbox.Message;
import dev.admp.inbox.MessageId;
import dev.admp.inbox.MessageState;
import dev.admp.inbox.Transition;
import dev.admp.store.jdbc.Database.Access;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The SQLite file: created with no set-up, durable across restarts and crashes, safe under concurrent writes. */
class SqliteFileTest {
  @TempDir
  Path dir;

  @Test
  void firstStartCreatesTheDataDirectoryAndTheDatabaseFile() {
    Path dataDir = dir.resolve("data/nested");
    try (JdbcStore store = JdbcStore.sqlite(dataDir)) {
      store.checkHealth();
    }
    assertThat(dataDir.resolve("admp.db")).isRegularFile();
  }

  @Test
  void reopenedFileKeepsAgentsAndMessages() {
    Agent bob = agent("bob");
    Message leased;
    try (JdbcStore store = JdbcStore.sqlite(dir)) {
      store.registerAgent(bob);
      store.enqueue(message("m-1", "alice", "bob"), T0);
      store.enqueue(message("m-2", "alice", "bob"), T0);
      leased = store.lease(id("bob"), 1, T0, T0.plusSeconds(60)).getFirst();
    }
    try (JdbcStore reopened = JdbcStore.sqlite(dir)) {
      assertThat(reopened.findAgent(id("bob"))).contains(bob);
      assertThat(reopened.findMessage(leased.id())).contains(leased);
      assertThat(reopened.inboxStats(id("bob"))).isEqualTo(new InboxStats(1, 1, 0, 0, 0));
      assertThat(reopened.ack(id("bob"), leased.id(), new LeaseMatch.Exactly(leased.lease().orElseThrow().id()), T0))
          .isInstanceOf(Transition.Done.class);
    }
  }

  @Test
  void fileOfTheFirstSchemaVersionIsUpgradedOnStartKeepingItsMessages() throws Exception {
    String url = "jdbc:sqlite:" + dir.resolve("admp.db");
    Flyway.configure().dataSource(url, null, null).locations(SqlDialect.SQLITE.migrations())
        .table("admp_schema_history").target("1").load().migrate();
    try (var c = DriverManager.getConnection(url)) {
      c.createStatement().execute("""
          INSERT INTO messages (id, from_agent, to_agent, envelope, state, attempts, created_at, updated_at,
                                visible_at, expires_at)
          VALUES ('old', 'alice', 'bob', '{}', 'queued', 0, 0, 0, 0, 9999999999999)""");
    }

    try (JdbcStore store = JdbcStore.sqlite(dir)) {
      assertThat(store.lease(id("bob"), 1, T0, T0.plusSeconds(60))).extracting(m -> m.id().value())
          .containsExactly("old");
    }
    try (var c = DriverManager.getConnection(url);
         var rs = c.createStatement().executeQuery("SELECT MAX(version) FROM admp_schema_history")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getInt(1)).isGreaterThan(1);
    }
  }

  @Test
  void everyConnectionUsesWalAndFullSynchronousCommits() throws Exception {
    try (Database db = SqliteConnections.open(SqliteSettings.in(dir))) {
      for (Access access : Access.values()) {
        assertThat(pragma(db, access, "journal_mode")).isEqualTo("wal");
        assertThat(pragma(db, access, "synchronous")).isEqualTo("2"); // FULL
      }
    }
    try (var c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("admp.db"));
         var rs = c.createStatement().executeQuery("PRAGMA journal_mode")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).as("WAL is a property of the file").isEqualTo("wal");
    }
  }

  @Test
  void concurrentWritersAreQueuedNeverFailedWithDatabaseLocked() throws Exception {
    int threads = 16;
    int perThread = 100;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try (JdbcStore store = JdbcStore.sqlite(dir)) {
      List<Future<Integer>> results = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        results.add(pool.submit(() -> {
          int acked = 0;
          for (int i = 0; i < perThread; i++) {
            store.enqueue(message("m-" + thread + "-" + i, "alice", "bob"), T0);
            for (Message m : store.lease(id("bob"), 1, T0, T0.plusSeconds(60))) {
              acked += store.ack(id("bob"), m.id(), LeaseMatch.any(), T0) instanceof Transition.Done ? 1 : 0;
            }
            store.inboxStats(id("bob"));
          }
          return acked;
        }));
      }
      int acked = 0;
      for (Future<Integer> f : results) {
        acked += f.get();
      }
      InboxStats stats = store.inboxStats(id("bob"));
      assertThat(stats.total()).isEqualTo(threads * perThread);
      assertThat(stats.acked()).isEqualTo(acked);
      assertThat(stats.leased()).isZero();
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  @Timeout(120)
  void killedProcessLosesNothingTheStoreAcknowledged() throws Exception {
    String java = ProcessHandle.current().info().command().orElse("java");
    Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        SqliteCrashChild.class.getName(), dir.toString())
        .redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
    Set<String> enqueued = new HashSet<>();
    Set<String> acked = new HashSet<>();
    try (var out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while (enqueued.size() < 300 && (line = out.readLine()) != null) {
        if (line.startsWith("ENQUEUED ")) {
          enqueued.add(line.substring(9));
        } else if (line.startsWith("ACKED ")) {
          acked.add(line.substring(6));
        }
      }
      child.destroyForcibly(); // SIGKILL: no shutdown hook, no close, mid-write
      assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
    } finally {
      child.destroyForcibly();
    }
    assertThat(enqueued).as("the child wrote before it was killed").hasSize(300);

    try (JdbcStore reopened = JdbcStore.sqlite(dir)) {
      assertThat(reopened.findAgent(id("bob"))).isPresent();
      for (String id : enqueued) {
        assertThat(reopened.findMessage(new MessageId(id))).as(id).isPresent();
      }
      for (String id : acked) {
        assertThat(reopened.findMessage(new MessageId(id)).orElseThrow().state()).as(id).isEqualTo(MessageState.ACKED);
      }
      assertThat(reopened.enqueue(message("after-crash", "alice", "bob"), T0)).isInstanceOf(EnqueueOutcome.Enqueued.class);
    }
  }

  private static String pragma(Database db, Access access, String name) {
    return db.query(access, Sql.of("pragma", "PRAGMA " + name), Args.of(), r -> r.getString(1)).getFirst();
  }
}
