package dev.admp.server.durable;

import static org.assertj.core.api.Assertions.assertThat;

import dev.admp.client.AdmpClient;
import dev.admp.client.InboxStats;
import dev.admp.client.PullOptions;
import dev.admp.client.Pulled;
import dev.admp.client.Registered;
import dev.admp.testkit.postgres.EmbeddedPostgresServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hub killed with SIGKILL in the middle of SEND, PULL and ACK traffic, then started again on
 * the same storage: every SEND it answered with 201 is still there, and no message it acked
 * comes back.
 */
class CrashSafetyTest {
  private static final int SENDS_BEFORE_KILL = 400;
  private static final int ACKS_BEFORE_KILL = 200;

  @TempDir
  Path dataDir;

  @Test
  void hubKilledOnSqliteKeepsEveryConfirmedSendAndNeverRedeliversAnAck() throws Exception {
    Map<String, String> env = Map.of("STORAGE_BACKEND", "sqlite", "DATA_DIR", dataDir.toString());
    crashAndRestart(env);
  }

  @Test
  @Tag("postgres")
  @ExtendWith(SharedPostgres.class)
  void hubKilledOnPostgresKeepsEveryConfirmedSendAndNeverRedeliversAnAck(EmbeddedPostgresServer server)
      throws Exception {
    crashAndRestart(PostgresHubs.env(server, server.createDatabase()));
  }

  private static void crashAndRestart(Map<String, String> env) throws Exception {
    Registered sender;
    Registered recipient;
    CrashLoad load;
    try (HubProcess hub = HubProcess.start(env); AdmpClient client = hub.client()) {
      sender = Agents.register(client, "agent://sender");
      recipient = Agents.register(client, "agent://recipient");
      load = new CrashLoad(client.withAgent(sender), client.withAgent(recipient), recipient.agentId(), 4, 4);
      try {
        load.awaitConfirmed(SENDS_BEFORE_KILL, ACKS_BEFORE_KILL, Deadline.in(Duration.ofMinutes(2)));
        hub.kill();
        load.stopAfterCrash();
      } finally {
        load.close();
      }
    }

    Map<String, String> restart = new HashMap<>(env);
    restart.put("CLEANUP_INTERVAL_MS", "500"); // leases cut off by the crash come back within a second of expiring
    try (HubProcess hub = HubProcess.start(restart); AdmpClient client = hub.client()) {
      AdmpClient asSender = client.withAgent(sender);
      AdmpClient asRecipient = client.withAgent(recipient);
      Set<String> ackedAtRestart = new HashSet<>();
      for (String id : load.sent()) {
        String status = asSender.status(id).status();
        assertThat(status).as("status of %s, sent with 201 before the crash", id).isIn("queued", "leased", "acked");
        if (status.equals("acked")) {
          ackedAtRestart.add(id);
        }
      }
      assertThat(ackedAtRestart).as("acked with 200 before the crash").containsAll(load.acked());

      Set<String> pulledAfterRestart = drain(asRecipient, Deadline.in(Duration.ofSeconds(60)));
      assertThat(pulledAfterRestart).as("pulled after the restart").doesNotContainAnyElementsOf(ackedAtRestart);
      Set<String> delivered = new HashSet<>(ackedAtRestart);
      delivered.addAll(pulledAfterRestart);
      assertThat(delivered).as("acked before the crash or pulled after it").containsAll(load.sent());
      InboxStats stats = asRecipient.inboxStats();
      assertThat(stats.queued() + stats.leased()).isZero();
      assertThat(stats.acked()).isEqualTo(stats.total());
    }
  }

  /** Pulls and acks until nothing is queued or leased; the ids it pulled. */
  private static Set<String> drain(AdmpClient asRecipient, Deadline deadline) {
    PullOptions options = PullOptions.defaults().withVisibility(Duration.ofSeconds(60))
        .withWait(Duration.ofSeconds(1)).withMaxMessages(10);
    Set<String> pulled = new HashSet<>();
    while (true) {
      for (Pulled message : asRecipient.pull(options)) {
        assertThat(pulled.add(message.messageId())).as("%s pulled twice after the restart", message.messageId())
            .isTrue();
        asRecipient.ack(message);
      }
      InboxStats stats = asRecipient.inboxStats();
      if (stats.queued() == 0 && stats.leased() == 0) {
        return pulled;
      }
      assertThat(deadline.passed()).as("inbox still has work at the deadline: %s", stats).isFalse();
    }
  }
}
