package dev.admp.server.durable;

import static org.assertj.core.api.Assertions.assertThat;

import dev.admp.client.AdmpClient;
import dev.admp.client.Outgoing;
import dev.admp.client.PullOptions;
import dev.admp.client.Pulled;
import dev.admp.client.Registered;
import dev.admp.testkit.postgres.EmbeddedPostgresServer;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A long poll waiting on one hub node wakes when a SEND lands on another: PostgreSQL's
 * {@code NOTIFY} reaches every node. Without it the waiting pull would find the message only at
 * its next periodic re-check, about a second later.
 */
@Tag("postgres")
@ExtendWith(SharedPostgres.class)
class CrossNodeLongPollTest {
  private static final int ROUNDS = 5;
  /** Well under the one-second re-check that finds messages without a wake-up. */
  private static final Duration PROMPT = Duration.ofMillis(500);
  private static final Pattern ROUND_TRIPS =
      Pattern.compile("(?m)^admp_store_round_trips_total\\{[^}]*} ([0-9.eE+]+)$");
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @Test
  void pullWaitingOnOneNodeReturnsPromptlyAfterASendOnAnother(EmbeddedPostgresServer server) throws Exception {
    Map<String, String> env = new HashMap<>(PostgresHubs.env(server, server.createDatabase()));
    env.put("CLEANUP_INTERVAL_MS", "3600000"); // no sweep statements while we watch node A's round trips
    List<HubProcess> nodes = PostgresHubs.start(2, env);
    try (AdmpClient a = nodes.get(0).client(); AdmpClient b = nodes.get(1).client()) {
      Registered alice = Agents.register(b, "agent://alice");
      Registered bob = Agents.register(a, "agent://bob");
      AdmpClient bobOnA = a.withAgent(bob);
      AdmpClient aliceOnB = b.withAgent(alice);
      PullOptions longPoll = PullOptions.defaults().withWait(Duration.ofSeconds(20));

      List<Long> latencies = new ArrayList<>();
      for (int round = 0; round <= ROUNDS; round++) {
        double roundTrips = roundTrips(nodes.get(0));
        CompletableFuture<Long> returnedAt = CompletableFuture.supplyAsync(() -> {
          List<Pulled> pulled = bobOnA.pull(longPoll);
          long at = System.nanoTime();
          assertThat(pulled).hasSize(1);
          bobOnA.ack(pulled.get(0));
          return at;
        });
        // Node A's first lease attempt found the inbox empty: the pull now waits for a wake-up.
        Deadline.in(Duration.ofSeconds(10)).await("the pull on node A has looked at the store",
            () -> roundTrips(nodes.get(0)) > roundTrips, () -> "round trips " + roundTrips);
        aliceOnB.send(Outgoing.to(bob.agentId(), "wake up " + round));
        long sentAt = System.nanoTime();
        long latency = TimeUnit.NANOSECONDS.toMillis(returnedAt.get(30, TimeUnit.SECONDS) - sentAt);
        if (round > 0) { // round 0 warms both JVMs up
          latencies.add(latency);
        }
      }
      List<Long> sorted = latencies.stream().sorted().toList();
      assertThat(sorted.get(sorted.size() / 2)).as("median ms from SEND on B to the pull's return on A, of %s",
          latencies).isLessThan(PROMPT.toMillis());
    } finally {
      nodes.forEach(HubProcess::close);
    }
  }

  private static double roundTrips(HubProcess hub) {
    try {
      String metrics = HTTP.send(HttpRequest.newBuilder(hub.baseUrl().resolve("/metrics"))
          .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString()).body();
      Matcher m = ROUND_TRIPS.matcher(metrics);
      if (!m.find()) {
        throw new AssertionError("no admp_store_round_trips_total in /metrics:\n" + metrics);
      }
      return Double.parseDouble(m.group(1));
    } catch (IOException e) {
      throw new AssertionError("cannot read /metrics", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }
}
