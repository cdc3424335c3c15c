package dev.admp.store.jdbc;

import dev.admp.agent.AgentId;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds one connection that LISTENs on {@code admp_inbox} and hands each notified inbox to a
 * callback, so a long poll on this node wakes when a message lands through another node.
 * Notifications are hints: when the connection breaks the listener reconnects with backoff,
 * and what it missed meanwhile is found by the pull loop's periodic re-check.
 */
final class InboxListener implements AutoCloseable {
  static final String CHANNEL = "admp_inbox";
  private static final Logger log = LoggerFactory.getLogger(InboxListener.class);
  private static final int POLL_MILLIS = 500;
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

  private final DataSource source;
  private final Consumer<AgentId> wake;
  private final Database database;
  private final CountDownLatch firstListen = new CountDownLatch(1);
  private final Thread thread;
  private volatile boolean closed;
  private volatile Connection current;

  InboxListener(DataSource source, Consumer<AgentId> wake, Database database) {
    this.source = source;
    this.wake = wake;
    this.database = database;
    this.thread = Thread.ofPlatform().daemon().name("admp-postgres-listener").unstarted(this::run);
  }

  /** Starts listening; waits up to {@code wait} for the first LISTEN (it keeps trying afterwards). */
  void start(Duration wait) throws InterruptedException {
    thread.start();
    firstListen.await(wait.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void run() {
    Duration backoff = Duration.ofMillis(100);
    while (!closed) {
      try (Connection c = source.getConnection()) {
        current = c;
        try (Statement s = c.createStatement()) {
          database.countRoundTrip();
          s.execute("LISTEN " + CHANNEL);
        }
        firstListen.countDown();
        backoff = Duration.ofMillis(100);
        PGConnection pg = c.unwrap(PGConnection.class);
        while (!closed) {
          PGNotification[] notifications = pg.getNotifications(POLL_MILLIS);
          if (notifications != null) {
            for (PGNotification n : notifications) {
              deliver(n.getParameter());
            }
          }
        }
      } catch (SQLException e) {
        if (closed) {
          return;
        }
        log.warn("event=inbox_listener_lost retry_in_ms={} cause={}", backoff.toMillis(), e.getMessage());
        if (!pause(backoff)) {
          return;
        }
        backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
      } finally {
        current = null;
      }
    }
  }

  private void deliver(String inbox) {
    try {
      wake.accept(new AgentId(inbox));
    } catch (RuntimeException e) {
      // A failing callback must not stop the wake-ups of every other inbox.
      log.warn("event=inbox_wake_failed inbox={} cause={}", inbox, e.toString());
    }
  }

  private boolean pause(Duration d) {
    try {
      Thread.sleep(d);
      return true;
    } catch (InterruptedException e) {
      return false;
    }
  }

  @Override
  public void close() {
    closed = true;
    thread.interrupt();
    Connection c = current;
    if (c != null) {
      try {
        c.close();
      } catch (SQLException ignored) {
        // Closing to unblock the poll; the connection is abandoned either way.
      }
    }
    try {
      thread.join(Duration.ofSeconds(5));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
