package dev.admp.store.jdbc;

import static dev.admp.store.jdbc.Fixtures.T0;
import static dev.admp.store.jdbc.Fixtures.agent;
import static dev.admp.store.jdbc.Fixtures.id;
import static dev.admp.store.jdbc.Fixtures.message;

import dev.admp.inbox.LeaseMatch;
import dev.admp.inbox.Message;
import java.nio.file.Path;

/**
 * A hub-like process for {@link SqliteFileTest}: writes to the store as fast as it can and
 * reports on stdout each write the store has acknowledged, until it is killed.
 */
final class SqliteCrashChild {
  private SqliteCrashChild() {}

  public static void main(String[] args) {
    JdbcStore store = JdbcStore.sqlite(Path.of(args[0]));
    store.registerAgent(agent("bob"));
    System.out.println("REGISTERED bob");
    for (int i = 0; ; i++) {
      store.enqueue(message("m-" + i, "alice", "bob"), T0);
      System.out.println("ENQUEUED m-" + i);
      if (i % 3 == 0) {
        for (Message m : store.lease(id("bob"), 1, T0, T0.plusSeconds(3600))) {
          store.ack(id("bob"), m.id(), LeaseMatch.any(), T0);
          System.out.println("ACKED " + m.id());
        }
      }
      System.out.flush();
    }
  }
}
