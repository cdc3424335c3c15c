package dev.admp.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.admp.server.HubClient.Response;
import dev.admp.server.config.AdmpConfig;
import dev.admp.server.config.ConfigException;
import dev.admp.server.config.MechLimits;
import dev.admp.server.config.Secret;
import dev.admp.server.config.StoreConfig;
import dev.admp.store.StoreException;
import dev.admp.store.StoreUnavailableException;
import dev.admp.store.mech.AppOwnedException;
import dev.admp.store.mech.MechCapability;
import dev.admp.store.mech.MechStoreConfig;
import dev.admp.testkit.mech.Faults;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code STORAGE_BACKEND=mech} as the hub opens it: settings, ownership of the app, start-up failures, outages. */
class MechBackendTest {
  @RegisterExtension
  static final MechEmulatorExtension MECH = MechEmulatorExtension.baseline();

  private final TestAgent alice = TestAgent.named("agent://alice");
  private final TestAgent bob = TestAgent.named("agent://bob");

  @AfterEach
  void healEmulator() {
    MECH.emulator().faults(Faults.NONE);
  }

  @Test
  void everySettingReachesTheStore() {
    StoreConfig.Mech config = new StoreConfig.Mech(URI.create("https://mech.example"), "app-7", new Secret("k"),
        Set.of("filter", "return_document"), Optional.of(Path.of("/etc/mech-ca.pem")), Duration.ofMillis(1500),
        Duration.ofMillis(2500), new MechLimits(8, 500, Duration.ofSeconds(30), 5, Duration.ofMillis(20), 75, 40,
            Duration.ofMillis(1500)));

    assertThat(MechBackend.storeConfig(config)).isEqualTo(new MechStoreConfig(URI.create("https://mech.example"),
        "app-7", "k", EnumSet.of(MechCapability.FILTER, MechCapability.RETURN_DOCUMENT),
        Optional.of(Path.of("/etc/mech-ca.pem")), Duration.ofMillis(1500), Duration.ofMillis(2500), 8, 500,
        new MechStoreConfig.Resilience(5, Duration.ofMillis(20), 75, 40, Duration.ofMillis(1500)),
        Duration.ofSeconds(30)));
  }

  @Test
  void secondHubOnTheSameAppRefusesToStartAndTheFirstKeepsServing() {
    Map<String, String> env = MECH.appEnv("owned-app");
    try (TestHub first = TestHub.start(env)) {
      HubClient http = first.client();
      http.register(alice);
      http.register(bob);

      assertThatThrownBy(() -> Hub.create(AdmpConfig.fromEnv(env).withPort(0)))
          .isInstanceOf(AppOwnedException.class)
          .hasMessageContaining("Mech app 'owned-app' is owned by another live hub")
          .hasMessageContaining("MECH_APP_ID");
      assertThat(http.send(alice, bob, "still-served").status()).isEqualTo(201);
    }
  }

  @Test
  void hubRestartedOnItsAppFindsItsAgentsAndMessages() {
    Map<String, String> env = MECH.appEnv("restarted-app");
    String id;
    try (TestHub before = TestHub.start(env)) {
      HubClient http = before.client();
      http.register(alice);
      http.register(bob);
      id = http.send(alice, bob, "kept").json().get("message_id").asText();
    }

    try (TestHub after = TestHub.start(env)) {
      Response pulled = after.client().as(bob).post("/api/agents/" + HubClient.enc(bob.id()) + "/inbox/pull", "{}");

      assertThat(pulled.status()).isEqualTo(200);
      assertThat(pulled.json().get("message_id").asText()).isEqualTo(id);
    }
  }

  @Test
  void unreachableMechStopsTheStartNamingMechBaseUrl() throws IOException {
    Map<String, String> env = new HashMap<>(MECH.hubEnv());
    env.put("MECH_BASE_URL", "http://127.0.0.1:" + closedPort());
    env.put("MECH_RETRY_BACKOFF_MS", "1");

    assertThatThrownBy(() -> Hub.create(AdmpConfig.fromEnv(env).withPort(0)))
        .isInstanceOf(StoreUnavailableException.class)
        .hasMessageStartingWith("cannot reach Mech at MECH_BASE_URL=" + env.get("MECH_BASE_URL"))
        .hasMessageNotContaining(MECH.emulator().apiKey());
  }

  @Test
  void refusedApiKeyStopsTheStartWithoutShowingIt() {
    Map<String, String> env = new HashMap<>(MECH.hubEnv());
    env.put("MECH_API_KEY", "wrong-s3cret");

    assertThatThrownBy(() -> Hub.create(AdmpConfig.fromEnv(env).withPort(0)))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("MECH_APP_ID=" + env.get("MECH_APP_ID"))
        .hasMessageContaining("refused the API key")
        .hasMessageNotContaining("wrong-s3cret");
  }

  @Test
  void caFileWithoutCertificatesIsAConfigurationErrorNamingMechCaFile(@TempDir Path dir) throws IOException {
    Path notPem = Files.writeString(dir.resolve("ca.pem"), "not a certificate");
    Map<String, String> env = new HashMap<>(MECH.hubEnv());
    env.put("MECH_BASE_URL", "https://127.0.0.1:" + MECH.emulator().port());
    env.put("MECH_CA_FILE", notPem.toString());

    assertThatThrownBy(() -> Hub.create(AdmpConfig.fromEnv(env).withPort(0)))
        .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).singleElement().asString()
            .startsWith("MECH_CA_FILE must hold PEM CA certificates").contains(notPem.toString()));
  }

  @Test
  void unhealthyMechIsStorageUnavailableWithRetryAfterUntilItRecovers() {
    Map<String, String> env = MECH.hubEnv(Map.of("MECH_RETRY_BACKOFF_MS", "1", "MECH_CIRCUIT_OPEN_MS", "200"));
    try (TestHub hub = TestHub.start(env)) {
      HubClient http = hub.client();
      http.register(alice);
      http.register(bob);

      MECH.emulator().faults(Faults.NONE.withUnavailableRate(1));
      Response send = http.send(alice, bob, "during");
      Response health = http.get("/health");

      assertThat(send.status()).isEqualTo(503);
      assertThat(send.error()).isEqualTo("STORAGE_UNAVAILABLE");
      assertThat(send.header("Retry-After")).hasValueSatisfying(v -> assertThat(Integer.parseInt(v)).isPositive());
      assertThat(health.status()).isEqualTo(503);
      assertThat(health.json().get("status").asText()).isEqualTo("unhealthy");
      assertThat(health.json().get("storage").asText()).isEqualTo("mech");

      MECH.emulator().faults(Faults.NONE);
      awaitHealthy(http);
      assertThat(http.send(alice, bob, "after").status()).isEqualTo(201);
    }
  }

  @Test
  void theBackgroundSweepRequeuesAnExpiredLeaseOnceMechIsBack() {
    Map<String, String> env = MECH.hubEnv(Map.of("CLEANUP_INTERVAL_MS", "100", "MECH_RETRY_BACKOFF_MS", "1",
        "MECH_CIRCUIT_OPEN_MS", "200"));
    try (TestHub hub = TestHub.start(env)) {
      HubClient http = hub.client();
      String stats = "/api/agents/" + HubClient.enc(bob.id()) + "/inbox/stats";
      http.register(alice);
      http.register(bob);
      http.send(alice, bob, "x");
      http.as(bob).post("/api/agents/" + HubClient.enc(bob.id()) + "/inbox/pull", "{\"visibility_timeout\":1}");

      MECH.emulator().faults(Faults.NONE.withUnavailableRate(1));
      long before = MECH.emulator().stats().totalRequests();
      hub.clock().advance(Duration.ofSeconds(2));
      eventually("a sweep tried to requeue the expired lease", () -> MECH.emulator().stats().totalRequests() > before);

      assertThat(http.as(bob).get(stats).json().get("leased").asInt()).as("a failed write is not assumed").isEqualTo(1);
      MECH.emulator().faults(Faults.NONE);
      eventually("the sweep requeues it once Mech is back",
          () -> http.as(bob).get(stats).json().get("queued").asInt() == 1);
    }
  }

  /** The circuit lets a trial call through once it has been open for a while. */
  private static void awaitHealthy(HubClient http) {
    eventually("the hub is healthy again", () -> http.get("/health").status() == 200);
  }

  /** Bounded polling, for what background work (sweeps, the circuit breaker) does in its own time. */
  private static void eventually(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within 10 s: " + what);
      }
      LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
    }
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
