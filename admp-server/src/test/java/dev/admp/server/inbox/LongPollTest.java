package dev.admp.server.inbox;

import static dev.admp.server.HubClient.enc;
import static org.assertj.core.api.Assertions.assertThat;

import dev.admp.server.HubClient;
import dev.admp.server.HubClient.Response;
import dev.admp.server.TestAgent;
import dev.admp.server.TestHub;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** PULL with {@code wait_sec}: woken by a SEND to the inbox, or 204 when the wait runs out. */
class LongPollTest {
  private TestHub hub;
  private HubClient http;
  private final TestAgent alice = TestAgent.named("agent://alice");
  private final TestAgent bob = TestAgent.named("agent://bob");
  private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
  private String pullPath;

  /** The hub under test; a subclass runs the same pulls on another storage backend. */
  TestHub startHub() {
    return TestHub.signatureMode();
  }

  @BeforeEach
  void start() {
    hub = startHub();
    http = hub.client();
    http.register(alice);
    http.register(bob);
    pullPath = "/api/agents/" + enc(bob.id()) + "/inbox/pull";
  }

  @AfterEach
  void stop() {
    threads.shutdownNow();
    hub.close();
  }

  /** A pull's answer and the monotonic time it arrived. */
  private record Timed(Response response, long arrivedNanos) {}

  private CompletableFuture<Timed> pullAsync(String body) {
    return CompletableFuture.supplyAsync(() -> {
      Response response = http.as(bob).post(pullPath, body);
      return new Timed(response, System.nanoTime());
    }, threads);
  }

  @Test
  void aWaitingPullReturnsWithinOneHundredMillisecondsOfTheSend() throws Exception {
    // warm up both code paths and the connections, so the measured run is not the first
    http.send(alice, bob, "warm-up");
    http.as(bob).post(pullPath, "{}");
    long pullStarted = System.nanoTime();
    CompletableFuture<Timed> pull = pullAsync("{\"wait_sec\":10}");
    hub.awaitRequestsInFlight(1);

    long sendStarted = System.nanoTime();
    Response sent = http.send(alice, bob, "wake-up");
    long sendDone = System.nanoTime();
    Timed pulled = pull.get(15, TimeUnit.SECONDS);

    assertThat(sent.status()).isEqualTo(201);
    assertThat(pulled.response().status()).isEqualTo(200);
    assertThat(pulled.response().json().get("message_id").asText()).isEqualTo(sent.json().get("message_id").asText());
    assertThat(pulled.arrivedNanos()).as("the pull answered only after the send started")
        .isGreaterThan(sendStarted);
    assertThat(Duration.ofNanos(pulled.arrivedNanos() - sendDone))
        .as("from send completed to pull returned (pull waited %d ms before the send)",
            Duration.ofNanos(sendStarted - pullStarted).toMillis())
        .isLessThan(Duration.ofMillis(100));
  }

  @Test
  void aPullOnAnEmptyInboxAnswersNoContentAfterTheWait() {
    long started = System.nanoTime();

    Response response = http.as(bob).post(pullPath, "{\"wait_sec\":1}");

    Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
    assertThat(response.status()).isEqualTo(204);
    assertThat(elapsed).isBetween(Duration.ofMillis(950), Duration.ofSeconds(3));
  }

  @Test
  void fractionalWaitsAreHonoured() {
    long started = System.nanoTime();

    Response response = http.as(bob).post(pullPath, "{\"wait_sec\":0.3}");

    assertThat(response.status()).isEqualTo(204);
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(Duration.ofMillis(250), Duration.ofSeconds(2));
  }

  @Test
  void aPullWithoutWaitAnswersAtOnce() {
    long started = System.nanoTime();

    Response response = http.as(bob).post(pullPath, "{}");

    assertThat(response.status()).isEqualTo(204);
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
  }

  @Test
  void manyConcurrentLongPollsDoNotHoldPlatformThreads() throws Exception {
    int pulls = 300;
    List<CompletableFuture<Timed>> waiting = new ArrayList<>();
    long started = System.nanoTime();
    for (int i = 0; i < pulls; i++) {
      waiting.add(pullAsync("{\"wait_sec\":2}"));
    }

    for (CompletableFuture<Timed> pull : waiting) {
      assertThat(pull.get(30, TimeUnit.SECONDS).response().status()).isEqualTo(204);
    }
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
  }

  @Test
  void oneSendWakesExactlyOneOfSeveralWaitingPullers() throws Exception {
    List<CompletableFuture<Timed>> waiting = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      waiting.add(pullAsync("{\"wait_sec\":2}"));
    }
    hub.awaitRequestsInFlight(3);

    http.send(alice, bob, "only one");

    int delivered = 0;
    for (CompletableFuture<Timed> pull : waiting) {
      delivered += pull.get(10, TimeUnit.SECONDS).response().status() == 200 ? 1 : 0;
    }
    assertThat(delivered).isEqualTo(1);
  }
}
