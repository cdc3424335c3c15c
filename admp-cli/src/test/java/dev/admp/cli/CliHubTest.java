package dev.admp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.admp.protocol.crypto.Ed25519;
import dev.admp.server.Hub;
import dev.admp.server.config.AdmpConfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The client verbs through the picocli entry point, against a real hub on a random port. */
class CliHubTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static Hub hub;
  private static String url;

  @TempDir
  Path home;

  record Run(int status, String out, String err) {
    JsonNode json() {
      try {
        return JSON.readTree(out);
      } catch (IOException e) {
        throw new UncheckedIOException("not JSON: " + out, e);
      }
    }
  }

  @BeforeAll
  static void startHub() {
    hub = Hub.create(AdmpConfig.fromEnv(Map.of("STORAGE_BACKEND", "memory")).withPort(0)).start();
    url = "http://localhost:" + hub.port();
  }

  @AfterAll
  static void stopHub() {
    hub.close();
  }

  private Run admp(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = AdmpCommand.run(new CliContext(Map.of("ADMP_BASE_URL", url), home),
        new PrintWriter(out), new PrintWriter(err), args);
    return new Run(status, out.toString(), err.toString());
  }

  private Path register(String agent) {
    Path config = home.resolve(agent + ".json");
    Run run = admp("register", "--agent", agent, "--config", config.toString());
    assertThat(run.status()).as(run.err()).isZero();
    return config;
  }

  @Test
  void registerSendPullAckRoundTrip() throws Exception {
    Path aliceConfig = home.resolve("alice.json");
    Run registered = admp("register", "--agent", "agent://alice", "--config", aliceConfig.toString());
    assertThat(registered.status()).as(registered.err()).isZero();
    assertThat(registered.json().get("agent_id").asText()).isEqualTo("agent://alice");
    JsonNode saved = JSON.readTree(aliceConfig.toFile());
    assertThat(saved.get("base_url").asText()).isEqualTo(url);
    assertThat(saved.get("agent_id").asText()).isEqualTo("agent://alice");
    assertThat(Ed25519.encode(Ed25519.publicKeyOf(Ed25519.decodeSecretKey(saved.get("secret_key").asText()))))
        .isEqualTo(registered.json().get("public_key").asText());
    assertThat(registered.out()).doesNotContain(saved.get("secret_key").asText());
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(aliceConfig))).isEqualTo("rw-------");
    Path bobConfig = register("bob");

    Run sent = admp("send", "--config", aliceConfig.toString(), "--to", "bob", "--subject", "run_tests",
        "--type", "task.request", "--body", "{\"suite\":\"all\"}");
    assertThat(sent.status()).as(sent.err()).isZero();
    String id = sent.json().get("message_id").asText();
    assertThat(sent.json().get("status").asText()).isEqualTo("queued");

    Run pulled = admp("pull", "--config", bobConfig.toString());
    assertThat(pulled.status()).as(pulled.err()).isZero();
    JsonNode message = pulled.json().get("messages").get(0);
    assertThat(message.get("message_id").asText()).isEqualTo(id);
    assertThat(message.get("attempts").asInt()).isEqualTo(1);
    assertThat(message.at("/envelope/from").asText()).isEqualTo("agent://alice");
    assertThat(message.at("/envelope/subject").asText()).isEqualTo("run_tests");
    assertThat(message.at("/envelope/body/suite").asText()).isEqualTo("all");

    Run acked = admp("ack", "--config", bobConfig.toString(), id, "--lease-id", message.get("lease_id").asText());
    assertThat(acked.status()).as(acked.err()).isZero();
    assertThat(acked.json().get("ok").asBoolean()).isTrue();

    Run status = admp("status", "--config", aliceConfig.toString(), id);
    assertThat(status.json().get("status").asText()).isEqualTo("acked");
    assertThat(admp("pull", "--config", bobConfig.toString()).json().get("messages")).isEmpty();
  }

  @Test
  void replyGoesBackToTheSenderCorrelatedWithTheOriginal() {
    Path carol = register("carol");
    Path dave = register("dave");
    String id = admp("send", "--config", carol.toString(), "--to", "dave", "--subject", "ping").json()
        .get("message_id").asText();
    admp("pull", "--config", dave.toString());

    Run replied = admp("reply", "--config", dave.toString(), id, "--subject", "pong", "--body", "{\"ok\":true}");
    assertThat(replied.status()).as(replied.err()).isZero();

    JsonNode reply = admp("pull", "--config", carol.toString()).json().get("messages").get(0);
    assertThat(reply.at("/envelope/subject").asText()).isEqualTo("pong");
    assertThat(reply.at("/envelope/correlation_id").asText()).isEqualTo(id);
    assertThat(reply.at("/envelope/from").asText()).isEqualTo("dave");
  }

  @Test
  void nackRequeuesAndInboxCountsTheMessageAsQueued() {
    Path erin = register("erin");
    Path frank = register("frank");
    String id = admp("send", "--config", erin.toString(), "--to", "frank", "--subject", "job").json()
        .get("message_id").asText();
    admp("pull", "--config", frank.toString());

    Run nacked = admp("nack", "--config", frank.toString(), id);
    assertThat(nacked.status()).as(nacked.err()).isZero();
    assertThat(nacked.json().get("status").asText()).isEqualTo("queued");

    JsonNode stats = admp("inbox", "--config", frank.toString()).json();
    assertThat(stats.get("queued").asLong()).isEqualTo(1);
    assertThat(stats.get("leased").asLong()).isZero();
  }

  @Test
  void hubRefusalIsOneErrorLineWithTheHubsCodeAndStatusOne() {
    Path grace = register("grace");

    Run run = admp("ack", "--config", grace.toString(), "no-such-message");

    assertThat(run.status()).isEqualTo(1);
    assertThat(run.out()).isEmpty();
    assertThat(run.err().lines()).hasSize(1).first().asString().startsWith("error: MESSAGE_NOT_FOUND");
  }

  @Test
  void verbWithoutAnAgentAsksToRegister() {
    Run run = admp("pull", "--config", home.resolve("nobody.json").toString());

    assertThat(run.status()).isEqualTo(1);
    assertThat(run.err()).startsWith("error: no agent").contains("admp register");
  }

  @Test
  void unreachableHubIsAConnectionError() throws Exception {
    Path heidi = register("heidi");
    int closedPort;
    try (var socket = new java.net.ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }

    Run run = admp("pull", "--config", heidi.toString(), "--url", "http://localhost:" + closedPort);

    assertThat(run.status()).isEqualTo(1);
    assertThat(run.err()).startsWith("error: CONNECTION_FAILED");
  }

  @Test
  void registerKeepsAnotherAgentsKeyUnlessForced() {
    Path config = register("ivan");

    Run refused = admp("register", "--agent", "judy", "--config", config.toString());
    assertThat(refused.status()).isEqualTo(1);
    assertThat(refused.err()).contains("already holds the key of agent ivan", "--force");

    Run forced = admp("register", "--agent", "judy", "--config", config.toString(), "--force");
    assertThat(forced.status()).as(forced.err()).isZero();
  }

  @Test
  void everyCommandHasHelp() {
    for (String command : new String[] {"serve", "register", "send", "pull", "ack", "nack", "reply", "status", "inbox"}) {
      Run run = admp(command, "--help");
      assertThat(run.status()).as(command).isZero();
      assertThat(run.out()).as(command).startsWith("Usage: admp " + command);
    }
    assertThat(admp("--help").out()).contains("register", "send", "pull", "ack", "nack", "reply", "status", "inbox", "serve");
  }

  @Test
  void unknownOptionIsAUsageErrorWithStatusOne() {
    Run run = admp("send", "--bogus");

    assertThat(run.status()).isEqualTo(1);
    assertThat(run.err()).startsWith("error: ").contains("Try 'admp send --help'.");
  }
}
