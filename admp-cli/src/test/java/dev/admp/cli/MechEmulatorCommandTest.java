package dev.admp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.admp.client.AdmpClient;
import dev.admp.client.Outgoing;
import dev.admp.client.Pulled;
import dev.admp.client.RegisterRequest;
import dev.admp.client.Registered;
import dev.admp.server.Hub;
import dev.admp.server.config.AdmpConfig;
import dev.admp.testkit.mech.Capability;
import dev.admp.testkit.mech.MechEmulator;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class MechEmulatorCommandTest {
  @TempDir
  Path dir;

  /** Parses {@code args} as {@code admp mech-emulator} would, starts the emulator; its printed lines. */
  private static Started start(String... args) {
    MechEmulatorCommand command = new MechEmulatorCommand();
    new CommandLine(command).parseArgs(args);
    StringWriter out = new StringWriter();
    MechEmulator emulator = command.start(new PrintWriter(out));
    return new Started(emulator, out.toString().lines().toList());
  }

  private record Started(MechEmulator emulator, List<String> lines) {
    /** The variables of the printed {@code … ./admp serve} line. */
    Map<String, String> hubEnv() {
      String command = lines.stream().filter(l -> l.endsWith("./admp serve")).findFirst().orElseThrow().strip();
      Map<String, String> env = new HashMap<>();
      for (String word : command.split(" ")) {
        int eq = word.indexOf('=');
        if (eq > 0) {
          env.put(word.substring(0, eq), word.substring(eq + 1));
        }
      }
      return env;
    }
  }

  @Test
  void aHubStartedWithThePrintedVariablesWorksOnTheEmulatorOverTls() {
    Path ca = dir.resolve("ca.pem");
    Started started = start("--port", "0", "--tls", "--capabilities", "all", "--ca-file", ca.toString());
    try (MechEmulator emulator = started.emulator()) {
      Map<String, String> env = started.hubEnv();
      assertThat(emulator.capabilities()).isEqualTo(EnumSet.allOf(Capability.class));
      assertThat(env).containsEntry("STORAGE_BACKEND", "mech").containsEntry("MECH_BASE_URL", emulator.baseUrl())
          .containsEntry("MECH_CA_FILE", ca.toAbsolutePath().toString())
          .containsEntry("MECH_CAPABILITIES", "filter,offset,return_document,batch");
      assertThat(ca).content().startsWith("-----BEGIN CERTIFICATE-----");

      try (Hub hub = Hub.create(AdmpConfig.fromEnv(env).withPort(0)).start();
          AdmpClient client = AdmpClient.builder(URI.create("http://127.0.0.1:" + hub.port())).build()) {
        Registered alice = client.register(RegisterRequest.named("alice").withGeneratedKeys());
        Registered bob = client.register(RegisterRequest.named("bob").withGeneratedKeys());
        String id = client.withAgent(alice).send(Outgoing.to("bob", "hello")).messageId();

        assertThat(client.withAgent(bob).pull().map(Pulled::messageId)).contains(id);
        assertThat(emulator.size("demo", "admp_messages")).isEqualTo(1);
      }
    }
  }

  @Test
  void theBaselineOverHttpNeedsNoCapabilitiesOrCaFile() {
    Started started = start("--port", "0");
    try (MechEmulator emulator = started.emulator()) {
      assertThat(emulator.baseUrl()).startsWith("http://");
      assertThat(emulator.capabilities()).isEmpty();
      assertThat(started.lines().getFirst()).contains("extensions: none");
      assertThat(started.hubEnv()).containsOnlyKeys("STORAGE_BACKEND", "MECH_BASE_URL", "MECH_APP_ID", "MECH_API_KEY");
    }
  }

  @Test
  void aCustomApiKeyIsRequiredAndNotPrinted() {
    Started started = start("--port", "0", "--api-key", "my-s3cret");
    try (MechEmulator emulator = started.emulator()) {
      assertThat(emulator.apiKey()).isEqualTo("my-s3cret");
      assertThat(String.join("\n", started.lines())).doesNotContain("my-s3cret");
    }
  }

  @Test
  void anUnknownCapabilityIsRefusedNamingTheOption() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();

    int status = AdmpCommand.run(new CliContext(Map.of(), dir), new PrintWriter(out), new PrintWriter(err),
        "mech-emulator", "--port", "0", "--capabilities", "filter,teleport");

    assertThat(status).isEqualTo(1);
    assertThat(err.toString()).startsWith("error: --capabilities: unknown Mech capability 'teleport'");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void helpDescribesTheOptions() {
    StringWriter out = new StringWriter();

    int status = AdmpCommand.run(new CliContext(Map.of(), dir), new PrintWriter(out), new PrintWriter(new StringWriter()),
        "mech-emulator", "--help");

    assertThat(status).isZero();
    assertThat(out.toString()).contains("--port", "--tls", "--capabilities", "--ca-file", "STORAGE_BACKEND=mech");
  }
}
