package dev.admp.server.durable;

import static org.assertj.core.api.Assertions.assertThat;

import dev.admp.client.AdmpClient;
import dev.admp.client.AdmpClientException;
import dev.admp.client.InboxStats;
import dev.admp.client.Outgoing;
import dev.admp.client.PullOptions;
import dev.admp.client.Pulled;
import dev.admp.client.Registered;
import dev.admp.testkit.postgres.EmbeddedPostgresServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Several hub processes on one PostgreSQL share the inboxes: no message is lost, doubled or leased twice at once. */
@Tag("postgres")
@ExtendWith(SharedPostgres.class)
class MultiNodePostgresTest {
  private static final int NODES = 3;
  private static final int INBOXES = 3;
  private static final int MESSAGES_PER_INBOX = 3_000;
  private static final int SENDERS = 12;
  private static final int PULLERS = 24;
  private static final Duration VISIBILITY = Duration.ofSeconds(60);
  private static final Duration DEADLINE = Duration.ofMinutes(4);

  @Test
  void threeNodesDeliverEveryMessageExactlyOnceWithoutLeasingOneToTwoPullersAtOnce(EmbeddedPostgresServer server)
      throws Exception {
    List<HubProcess> nodes = PostgresHubs.start(NODES, PostgresHubs.env(server, server.createDatabase()));
    List<AdmpClient> hubs = nodes.stream().map(HubProcess::client).toList();
    ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    try {
      Registered sender = Agents.register(hubs.get(0), "agent://sender");
      List<Registered> inboxes = new ArrayList<>();
      for (int i = 0; i < INBOXES; i++) {
        inboxes.add(Agents.register(hubs.get(i % NODES), "agent://inbox-" + i));
      }
      Deadline deadline = Deadline.in(DEADLINE);
      Set<String> sent = ConcurrentHashMap.newKeySet();
      LeaseLedger ledger = new LeaseLedger(VISIBILITY);
      AtomicBoolean stop = new AtomicBoolean();

      List<Future<?>> senders = new ArrayList<>();
      for (int s = 0; s < SENDERS; s++) {
        AdmpClient asSender = hubs.get(s % NODES).withAgent(sender);
        int first = s;
        senders.add(threads.submit(() -> {
          for (int n = first; n < INBOXES * MESSAGES_PER_INBOX && !stop.get(); n += SENDERS) {
            String to = inboxes.get(n % INBOXES).agentId();
            sent.add(asSender.send(Outgoing.to(to, "work").withBody(Map.of("n", n))).messageId());
          }
          return null;
        }));
      }
      List<Future<?>> pullers = new ArrayList<>();
      for (int p = 0; p < PULLERS; p++) {
        AdmpClient asInbox = hubs.get(p % NODES).withAgent(inboxes.get((p / NODES) % INBOXES));
        int puller = p;
        pullers.add(threads.submit(() -> {
          PullOptions options = PullOptions.defaults().withVisibility(VISIBILITY)
              .withWait(Duration.ofSeconds(1)).withMaxMessages(10);
          while (!stop.get() && ledger.ackedCount() < INBOXES * MESSAGES_PER_INBOX && !deadline.passed()) {
            for (Pulled message : asInbox.pull(options)) {
              ledger.leased(puller, message);
              try {
                asInbox.ack(message);
                ledger.acked(puller, message.messageId());
              } catch (AdmpClientException e) {
                ledger.failed(puller, message.messageId(), e);
              }
            }
          }
          return null;
        }));
      }
      try {
        for (Future<?> f : senders) {
          f.get(deadline.remaining().toMillis(), TimeUnit.MILLISECONDS);
        }
        for (Future<?> f : pullers) {
          f.get(deadline.remaining().toMillis() + 5_000, TimeUnit.MILLISECONDS);
        }
      } finally {
        stop.set(true);
      }

      assertThat(sent).hasSize(INBOXES * MESSAGES_PER_INBOX);
      assertThat(ledger.violations()).isEmpty();
      assertThat(ledger.ackedIds()).isEqualTo(sent);
      for (int i = 0; i < INBOXES; i++) {
        InboxStats stats = hubs.get((i + 1) % NODES).withAgent(inboxes.get(i)).inboxStats();
        assertThat(stats).as("inbox-%d", i).isEqualTo(new InboxStats(MESSAGES_PER_INBOX, 0, 0, MESSAGES_PER_INBOX,
            0, 0, 0));
      }
    } finally {
      threads.shutdownNow();
      hubs.forEach(AdmpClient::close);
      nodes.forEach(HubProcess::close);
    }
  }
}
