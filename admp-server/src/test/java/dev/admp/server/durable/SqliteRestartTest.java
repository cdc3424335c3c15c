package dev.admp.server.durable;

import static org.assertj.core.api.Assertions.assertThat;

import dev.admp.client.AdmpClient;
import dev.admp.client.Health;
import dev.admp.client.InboxStats;
import dev.admp.client.Outgoing;
import dev.admp.client.PullOptions;
import dev.admp.client.Pulled;
import dev.admp.client.Registered;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded default: a hub on SQLite that stops and starts again has lost nothing. */
class SqliteRestartTest {
  @TempDir
  Path workDir;

  @Test
  void withoutStorageBackendTheHubStoresInSqliteUnderDotSlashDataCreatedOnFirstStart() {
    try (HubProcess hub = HubProcess.start(Map.of(), workDir); AdmpClient client = hub.client()) {
      Health health = client.health();
      assertThat(health.storage()).contains("sqlite");
      assertThat(workDir.resolve("data").resolve("admp.db")).isRegularFile();
    }
  }

  @Test
  void restartedHubKeepsAgentsAndMessages() {
    Path dataDir = workDir.resolve("nested/data");
    Map<String, String> env = Map.of("STORAGE_BACKEND", "sqlite", "DATA_DIR", dataDir.toString());
    Registered alice;
    Registered bob;
    List<String> sent = new ArrayList<>();
    List<String> ackedBeforeRestart = new ArrayList<>();
    try (HubProcess hub = HubProcess.start(env); AdmpClient client = hub.client()) {
      alice = Agents.register(client, "agent://alice");
      bob = Agents.register(client, "agent://bob");
      client.withAgent(bob).trust(alice.agentId());
      for (int i = 0; i < 5; i++) {
        sent.add(client.withAgent(alice).send(Outgoing.to(bob.agentId(), "job-" + i)).messageId());
      }
      AdmpClient asBob = client.withAgent(bob);
      for (int i = 0; i < 2; i++) {
        Pulled pulled = asBob.pull().orElseThrow();
        asBob.ack(pulled);
        ackedBeforeRestart.add(pulled.messageId());
      }
      hub.stop();
    }
    assertThat(Files.isRegularFile(dataDir.resolve("admp.db"))).isTrue();

    try (HubProcess hub = HubProcess.start(env); AdmpClient client = hub.client()) {
      AdmpClient asBob = client.withAgent(bob);
      assertThat(client.withAgent(alice).getAgent(alice.agentId()).agentId()).isEqualTo(alice.agentId());
      assertThat(asBob.trustedAgents()).containsExactly("alice");
      assertThat(asBob.inboxStats()).isEqualTo(new InboxStats(5, 3, 0, 2, 0, 0, 0));
      for (String id : ackedBeforeRestart) {
        assertThat(client.withAgent(alice).status(id).status()).isEqualTo("acked");
      }
      List<String> pulled = asBob.pull(PullOptions.defaults().withMaxMessages(10)).stream()
          .map(Pulled::messageId).toList();
      assertThat(pulled).containsExactlyElementsOf(sent.subList(2, 5));
      assertThat(client.withAgent(alice).send(Outgoing.to(bob.agentId(), "after restart")).status())
          .isEqualTo("queued");
    }
  }
}
