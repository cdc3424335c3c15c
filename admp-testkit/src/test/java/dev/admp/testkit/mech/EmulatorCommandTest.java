package dev.admp.testkit.mech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class EmulatorCommandTest {
  @Test
  void parsesEveryOption() {
    EmulatorCommand.Launch launch = EmulatorCommand.parse(new String[] {"--port", "8099", "--tls", "--ca-file",
        "/tmp/ca.pem", "--capabilities", "filter,batch", "--api-key", "k", "--seed", "7", "--latency-ms", "20"});

    assertThat(launch.options().port()).isEqualTo(8099);
    assertThat(launch.options().transport()).isEqualTo(MechEmulator.Transport.HTTPS);
    assertThat(launch.options().capabilities()).isEqualTo(EnumSet.of(Capability.FILTER, Capability.BATCH));
    assertThat(launch.options().apiKey()).isEqualTo("k");
    assertThat(launch.options().seed()).isEqualTo(7);
    assertThat(launch.caFile()).contains(Path.of("/tmp/ca.pem"));
    assertThat(launch.latency()).isEqualTo(Duration.ofMillis(20));
  }

  @Test
  void allMeansEveryCapability() {
    assertThat(EmulatorCommand.parse(new String[] {"--capabilities", "all"}).options().capabilities())
        .isEqualTo(EnumSet.allOf(Capability.class));
  }

  @Test
  void badArgumentsAreRefusedWithTheReason() {
    assertThatThrownBy(() -> EmulatorCommand.parse(new String[] {"--port", "x"})).hasMessageContaining("--port");
    assertThatThrownBy(() -> EmulatorCommand.parse(new String[] {"--capabilities", "teleport"}))
        .hasMessageContaining("teleport");
    assertThatThrownBy(() -> EmulatorCommand.parse(new String[] {"--ca-file", "x"})).hasMessageContaining("--tls");
    assertThatThrownBy(() -> EmulatorCommand.parse(new String[] {"--port"})).hasMessageContaining("needs a value");
  }

  @Test
  void usageErrorExitsWith2() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int code = EmulatorCommand.run(new String[] {"--bogus"}, new PrintStream(new ByteArrayOutputStream()),
        new PrintStream(err));

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("unknown option --bogus").contains("usage:");
  }

  @Test
  void optionsNeverShowTheApiKey() {
    assertThat(MechEmulator.Options.defaults().withApiKey("s3cret").toString()).doesNotContain("s3cret");
  }
}
