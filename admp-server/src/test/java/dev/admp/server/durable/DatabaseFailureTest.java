package dev.admp.server.durable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.admp.client.AdmpClient;
import dev.admp.client.AdmpClientException;
import dev.admp.client.Outgoing;
import dev.admp.client.Pulled;
import dev.admp.client.Registered;
import dev.admp.testkit.postgres.EmbeddedPostgresServer;
import dev.admp.testkit.postgres.PostgresDatabase;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * PostgreSQL that is wrong or missing when the hub starts stops the start with one line naming
 * {@code DATABASE_URL} (never its password); PostgreSQL that goes away while the hub runs makes
 * the hub answer 503 until it is back, and the hub recovers without a restart.
 */
@Tag("postgres")
class DatabaseFailureTest {
  private static final String SECRET = "s3cret-Pa55word";
  private static final Duration EXIT_TIMEOUT = Duration.ofSeconds(60);
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static EmbeddedPostgresServer server;

  @BeforeAll
  static void startPostgres() {
    server = EmbeddedPostgresServer.start();
  }

  @AfterAll
  static void stopPostgres() {
    server.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"postgres://admp:%s@localhost:%d/admp",
      "jdbc:postgresql://localhost:%2$d/admp?user=admp&password=%1$s&connectTimeout=1"})
  void unreachableDatabaseStopsTheStartWithOneLineNamingDatabaseUrlWithoutThePassword(String form) throws Exception {
    String url = form.formatted(SECRET, closedPort());
    String output = failedStart(Map.of("STORAGE_BACKEND", "postgres", "DATABASE_URL", url,
        "DATABASE_CONNECT_TIMEOUT_MS", "1000"));

    assertThat(errorLines(output)).singleElement().asString().contains("DATABASE_URL=jdbc:postgresql://localhost:");
    assertThat(output).doesNotContain(SECRET);
  }

  @Test
  void wrongPasswordStopsTheStartWithOneLineNamingDatabaseUrlWithoutThePassword() throws Exception {
    PostgresDatabase db = server.createDatabase();
    String output = failedStart(Map.of("STORAGE_BACKEND", "postgres",
        "DATABASE_URL", PostgresHubs.databaseUrl(server, db, SECRET)));

    assertThat(errorLines(output)).singleElement().asString()
        .contains("DATABASE_URL").contains("password authentication failed");
    assertThat(output).doesNotContain(SECRET);
  }

  @Test
  void malformedDatabaseUrlStopsTheStartWithoutEchoingIt() throws Exception {
    String output = failedStart(Map.of("STORAGE_BACKEND", "postgres", "DATABASE_URL", "mysql://root:" + SECRET + "@db/x"));

    assertThat(errorLines(output)).singleElement().asString().contains("DATABASE_URL");
    assertThat(output).doesNotContain(SECRET);
  }

  @Test
  void databaseGoneAtRuntimeIsStorageUnavailableAndTheHubServesAgainWhenItReturns() throws Exception {
    PostgresDatabase db = server.createDatabase();
    Map<String, String> env = new HashMap<>(PostgresHubs.env(server, db));
    env.put("DATABASE_CONNECT_TIMEOUT_MS", "1000");
    try (HubProcess hub = HubProcess.start(env); AdmpClient client = hub.client()) {
      Registered alice = Agents.register(client, "agent://alice");
      Registered bob = Agents.register(client, "agent://bob");
      String before = client.withAgent(alice).send(Outgoing.to(bob.agentId(), "before")).messageId();

      server.stop();
      try {
        assertThatThrownBy(() -> client.withAgent(alice).send(Outgoing.to(bob.agentId(), "during")))
            .isInstanceOfSatisfying(AdmpClientException.class, e -> {
              assertThat(e.status()).isEqualTo(503);
              assertThat(e.code()).isEqualTo("STORAGE_UNAVAILABLE");
            });
        HttpResponse<String> register = post(hub, "/api/agents/register", "{\"agent_id\":\"carol\"}");
        assertThat(register.statusCode()).isEqualTo(503);
        assertThat(register.headers().firstValue("Retry-After")).hasValueSatisfying(v ->
            assertThat(Integer.parseInt(v)).isPositive());
        assertThat(json(register).path("error").asText()).isEqualTo("STORAGE_UNAVAILABLE");
        HttpResponse<String> health = get(hub, "/health");
        assertThat(health.statusCode()).isEqualTo(503);
        assertThat(json(health).path("status").asText()).isEqualTo("unhealthy");
      } finally {
        server.restart();
      }

      Deadline.in(Duration.ofSeconds(60)).await("the hub is healthy again", () -> hub.healthStatus() == 200,
          hub::output);
      AdmpClient asBob = client.withAgent(bob);
      String after = client.withAgent(alice).send(Outgoing.to(bob.agentId(), "after")).messageId();
      assertThat(asBob.pull().map(Pulled::messageId)).contains(before);
      assertThat(asBob.pull().map(Pulled::messageId)).contains(after);
      assertThat(hub.isAlive()).isTrue();
      assertThat(hub.output()).as("the hub's log").contains("STORAGE_UNAVAILABLE").doesNotContain(db.password());
    }
  }

  /** Starts a hub that must not start; its output. */
  private static String failedStart(Map<String, String> env) throws InterruptedException {
    try (HubProcess hub = HubProcess.launch(env)) {
      OptionalInt exit = hub.awaitExit(EXIT_TIMEOUT);
      assertThat(exit).as("hub still running:%n%s", hub.output()).isPresent();
      assertThat(exit.getAsInt()).as("exit code").isNotZero();
      return hub.output();
    }
  }

  /** The lines {@code Main} writes when it cannot start. */
  private static List<String> errorLines(String output) {
    return output.lines().filter(line -> line.startsWith("admp: ")).toList();
  }

  private static HttpResponse<String> get(HubProcess hub, String path) throws IOException, InterruptedException {
    return HTTP.send(HttpRequest.newBuilder(hub.baseUrl().resolve(path)).timeout(Duration.ofSeconds(30)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> post(HubProcess hub, String path, String body)
      throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(hub.baseUrl().resolve(path)).timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode json(HttpResponse<String> response) throws IOException {
    return JSON.readTree(response.body());
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
