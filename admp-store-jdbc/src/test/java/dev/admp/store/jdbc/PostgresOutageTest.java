package dev.admp.store.jdbc;

import static dev.admp.store.jdbc.Fixtures.T0;
import static dev.admp.store.jdbc.Fixtures.agent;
import static dev.admp.store.jdbc.Fixtures.id;
import static dev.admp.store.jdbc.Fixtures.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.admp.agent.AgentId;
import dev.admp.inbox.EnqueueOutcome;
import dev.admp.inbox.MessageId;
import dev.admp.store.StoreException;
import dev.admp.store.StoreUnavailableException;
import dev.admp.testkit.postgres.EmbeddedPostgresServer;
import dev.admp.testkit.postgres.PostgresDatabase;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** A database that is missing at start, or goes away while the hub runs and comes back. */
@Tag("postgres")
class PostgresOutageTest {
  private static final String SECRET = "hunter2-very-secret";
  private static EmbeddedPostgresServer server;

  @BeforeAll
  static void startServer() {
    server = EmbeddedPostgresServer.start();
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  @Test
  void unreachableDatabaseAtStartIsUnavailableNamingDatabaseUrlWithoutThePassword() throws IOException {
    String url = "postgres://admp:" + SECRET + "@localhost:" + closedPort() + "/admp";
    PostgresSettings settings = PostgresSettings.fromDatabaseUrl(url).withConnectionTimeout(Duration.ofSeconds(1));

    assertThatThrownBy(() -> JdbcStore.postgres(settings))
        .isInstanceOf(StoreUnavailableException.class)
        .hasMessageContaining("DATABASE_URL=jdbc:postgresql://localhost:")
        .hasMessageNotContaining(SECRET);
  }

  @Test
  void wrongPasswordAtStartFailsNamingDatabaseUrlWithoutThePassword() {
    PostgresDatabase db = server.createDatabase();
    PostgresSettings settings = PostgresSettings.of(db.jdbcUrl(), db.user(), SECRET);

    assertThatThrownBy(() -> JdbcStore.postgres(settings))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("DATABASE_URL=" + db.jdbcUrl())
        .hasMessageContaining("password authentication failed")
        .hasMessageNotContaining(SECRET);
  }

  @Test
  void databaseThatGoesAwayIsUnavailableAndTheStoreRecoversWhenItReturns() throws InterruptedException {
    PostgresDatabase db = server.createDatabase();
    BlockingQueue<AgentId> woken = new LinkedBlockingQueue<>();
    PostgresSettings settings = PostgresVerbsTest.settings(db).withConnectionTimeout(Duration.ofSeconds(1));
    try (JdbcStore store = JdbcStore.postgres(settings, woken::add)) {
      store.registerAgent(agent("alice"));
      store.enqueue(message("before", "alice", "bob"), T0);

      server.stop();
      try {
        for (int i = 0; i < 3; i++) {
          int n = i;
          assertThatThrownBy(() -> store.enqueue(message("during-" + n, "alice", "bob"), T0))
              .isInstanceOf(StoreUnavailableException.class);
        }
        assertThatThrownBy(store::checkHealth).isInstanceOf(StoreUnavailableException.class);
      } finally {
        server.restart();
      }

      awaitHealthy(store);
      assertThat(store.findMessage(new MessageId("before"))).isPresent();
      assertThat(store.enqueue(message("after", "alice", "bob"), T0)).isInstanceOf(EnqueueOutcome.Enqueued.class);
      assertThat(store.lease(id("bob"), 10, T0, T0.plusSeconds(60))).hasSize(2);
      assertListenerReconnects(store, woken);
    }
  }

  /** The pool reconnects by itself; bounded polling, since recovery is another process's doing. */
  private static void awaitHealthy(JdbcStore store) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (true) {
      try {
        store.checkHealth();
        return;
      } catch (StoreUnavailableException e) {
        if (System.nanoTime() > deadline) {
          throw e;
        }
        TimeUnit.MILLISECONDS.sleep(100);
      }
    }
  }

  /** Notifications sent before the listener listens again are lost by design, so keep sending until one arrives. */
  private static void assertListenerReconnects(JdbcStore store, BlockingQueue<AgentId> woken) throws InterruptedException {
    woken.clear();
    for (int i = 0; i < 30; i++) {
      store.enqueue(message("wake-" + i, "alice", "carol"), T0);
      AgentId inbox = woken.poll(1, TimeUnit.SECONDS);
      if (inbox != null) {
        assertThat(inbox).isIn(id("carol"), id("bob"));
        return;
      }
    }
    throw new AssertionError("the listener did not reconnect within 30 s");
  }

  private static int closedPort() throws IOException {
    try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
