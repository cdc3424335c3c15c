package dev.admp.server;

import static dev.admp.server.HubClient.enc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.admp.server.HubClient.Response;
import dev.admp.server.config.AdmpConfig;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/** A whole hub: wiring, the sweep schedule, storage outages and start-up failures. */
class HubTest {
  private final TestAgent alice = TestAgent.named("agent://alice");
  private final TestAgent bob = TestAgent.named("agent://bob");

  /** Bounded polling for what a background schedule does; fails after 10 s. */
  private static void eventually(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within 10 s: " + what);
      }
      LockSupport.parkNanos(10_000_000);
    }
  }

  @Test
  void theSweepRunsOnTheCleanupIntervalAndLogsWhatItDid() {
    try (LogCapture logs = new LogCapture(); TestHub hub = TestHub.start(Map.of("CLEANUP_INTERVAL_MS", "100"))) {
      HubClient http = hub.client();
      http.register(alice);
      http.register(bob);
      http.send(alice, bob, "x");
      http.as(bob).post("/api/agents/" + enc(bob.id()) + "/inbox/pull", "{\"visibility_timeout\":1}");

      hub.clock().advance(Duration.ofSeconds(2));

      eventually("the expired lease is requeued", () -> http.as(bob)
          .get("/api/agents/" + enc(bob.id()) + "/inbox/stats").json().get("queued").asInt() == 1);
      // The sweep logs after its statement commits, so the count can be seen before the line is written.
      eventually("the sweep logs what it did", () -> logs.lines().stream()
          .anyMatch(line -> line.startsWith("INFO") && line.contains("sweep requeued=1")));
    }
  }

  @Test
  void theSweepKeepsRunningThroughAStorageOutage() {
    OutageStore store = new OutageStore();
    try (LogCapture logs = new LogCapture();
        TestHub hub = TestHub.start(Map.of("CLEANUP_INTERVAL_MS", "100"), store)) {
      HubClient http = hub.client();
      http.register(alice);
      http.register(bob);
      http.send(alice, bob, "x");
      http.as(bob).post("/api/agents/" + enc(bob.id()) + "/inbox/pull", "{\"visibility_timeout\":1}");
      store.down();
      eventually("a sweep is skipped", () -> logs.lines().stream().anyMatch(l -> l.contains("sweep skipped")));

      store.up();
      hub.clock().advance(Duration.ofSeconds(2));

      eventually("the sweep requeues after the outage", () -> logs.lines().stream()
          .anyMatch(l -> l.contains("sweep requeued=1")));
    }
  }

  @Test
  void healthIsUnhealthyWhileStorageIsDown() {
    OutageStore store = new OutageStore();
    try (TestHub hub = TestHub.start(Map.of(), store)) {
      store.down();
      Response down = hub.client().get("/health");
      store.up();
      Response up = hub.client().get("/health");

      assertThat(down.status()).isEqualTo(503);
      assertThat(down.json().get("status").asText()).isEqualTo("unhealthy");
      assertThat(up.status()).isEqualTo(200);
      assertThat(up.json().get("status").asText()).isEqualTo("healthy");
    }
  }

  @Test
  void requestsDuringAnOutageAreStorageUnavailableWithRetryAfter() {
    OutageStore store = new OutageStore();
    try (TestHub hub = TestHub.start(Map.of(), store)) {
      HubClient http = hub.client();
      http.register(alice);
      http.register(bob);
      store.down();

      for (Response response : new Response[] {http.get("/api/stats"), http.send(alice, bob, "x"),
          http.register(TestAgent.named("carol")), http.as(bob).post("/api/agents/" + enc(bob.id()) + "/inbox/pull",
          "{}")}) {
        assertThat(response.status()).isEqualTo(503);
        assertThat(response.error()).isEqualTo("STORAGE_UNAVAILABLE");
        assertThat(response.header("Retry-After")).contains("5");
      }
      store.up();
      assertThat(http.send(alice, bob, "x").status()).isEqualTo(201);
    }
  }

  @Test
  void aHubThatCannotListenClosesWhatItOpened() throws Exception {
    try (java.net.ServerSocket taken = new java.net.ServerSocket(0)) {
      OutageStore store = new OutageStore();
      Hub hub = Hub.create(AdmpConfig.fromEnv(Map.of("STORAGE_BACKEND", "memory")).withPort(taken.getLocalPort()),
          java.time.Clock.systemUTC(), store);

      assertThatThrownBy(hub::start).isInstanceOf(RuntimeException.class);
      assertThat(store.isClosed()).isTrue();
    }
  }

  @Test
  void closedHubStopsListening() {
    TestHub hub = TestHub.signatureMode();
    RawHttp raw = new RawHttp(hub.hub().port());
    hub.close();

    assertThatThrownBy(() -> raw.send("GET", "/health", null)).isInstanceOf(java.io.IOException.class);
  }

  @Test
  void closingTheHubDoesNotWaitForLongPolls() {
    TestHub hub = TestHub.signatureMode();
    HubClient http = hub.client();
    http.register(bob);
    java.util.concurrent.CompletableFuture<Void> pull = java.util.concurrent.CompletableFuture.runAsync(() -> {
      try {
        http.as(bob).post("/api/agents/" + enc(bob.id()) + "/inbox/pull", "{\"wait_sec\":20}");
      } catch (RuntimeException closedUnderneath) {
        // the hub went away mid-request: expected
      }
    }, java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
    hub.awaitRequestsInFlight(1);

    long started = System.nanoTime();
    hub.close();

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    pull.join();
  }

  @Test
  void sendDoesNotWaitForTheWebhook() throws Exception {
    try (StallingWebhook webhook = new StallingWebhook(); TestHub hub = TestHub.signatureMode()) {
      HubClient http = hub.client();
      http.register(alice);
      http.register(bob);
      http.as(bob).post("/api/agents/" + enc(bob.id()) + "/webhook", "{\"webhook_url\":\"" + webhook.url() + "\"}");

      long started = System.nanoTime();
      Response sent = http.send(alice, bob, "pushed");
      Duration elapsed = Duration.ofNanos(System.nanoTime() - started);

      assertThat(sent.status()).isEqualTo(201);
      StallingWebhook.Delivery delivery = webhook.next(Duration.ofSeconds(10));
      assertThat(delivery.event()).isEqualTo("message.received");
      assertThat(delivery.body()).contains(sent.json().get("message_id").asText());
      assertThat(elapsed).isLessThan(StallingWebhook.STALL);
    }
  }
}
