package dev.admp.server.durable;

import static org.assertj.core.api.Assertions.assertThat;

import dev.admp.server.MechEmulatorExtension;
import dev.admp.server.TestHub;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A hub process on {@code STORAGE_BACKEND=mech} whose Mech app another live hub owns stops at
 * start with one line that says so, and never shows {@code MECH_API_KEY}.
 */
class MechStartTest {
  private static final Duration EXIT_TIMEOUT = Duration.ofSeconds(60);

  @RegisterExtension
  static final MechEmulatorExtension MECH = MechEmulatorExtension.baseline();

  @Test
  void secondHubOnTheSameMechAppStopsWithOneLineSayingAnotherHubOwnsIt() throws Exception {
    Map<String, String> env = MECH.appEnv("one-owner");
    try (TestHub owner = TestHub.start(env)) {
      String output = failedStart(env);

      assertThat(errorLines(output)).singleElement().asString()
          .startsWith("admp: could not start: Mech app 'one-owner' is owned by another live hub")
          .contains("MECH_APP_ID");
      assertThat(output).doesNotContain(MECH.emulator().apiKey());
      assertThat(owner.client().get("/health").status()).isEqualTo(200);
    }
  }

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
}
