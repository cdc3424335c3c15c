package dev.admp.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Main} as an operator runs it: a separate JVM configured by its environment. */
class MainTest {

  @TempDir
  Path dir;

  /** Starts Main with exactly this environment; its standard error goes to a file. */
  private Process launch(Map<String, String> env) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        Main.class.getName());
    builder.environment().clear();
    builder.environment().putAll(env);
    builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
    builder.redirectError(dir.resolve("stderr").toFile());
    return builder.start();
  }

  private String stderr() throws IOException {
    return Files.readString(dir.resolve("stderr"), StandardCharsets.UTF_8);
  }

  @Test
  void badConfigurationExitsWithTwoAndOneLinePerProblem() throws Exception {
    Process process = launch(Map.of("PORT", "abc", "MAX_ATTEMPTS", "many"));

    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).isEqualTo(2);
    assertThat(stderr().lines().toList()).containsExactlyInAnyOrder(
        "admp: configuration error: PORT must be 1-65535, was 'abc'",
        "admp: configuration error: MAX_ATTEMPTS must be 1-1000, was 'many'");
  }

  @Test
  void aPortInUseExitsWithOneAndSaysWhy() throws Exception {
    try (ServerSocket taken = new ServerSocket(0)) {
      Process process = launch(Map.of("PORT", Integer.toString(taken.getLocalPort()), "STORAGE_BACKEND", "memory"));

      assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(process.exitValue()).isEqualTo(1);
      assertThat(stderr().lines().filter(line -> line.startsWith("admp: ")).toList())
          .singleElement().asString().startsWith("admp: could not start: ");
    }
  }

  @Test
  void storageThatCannotBeReachedExitsWithOneAndOneLineNamingItsVariable() throws Exception {
    int closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = socket.getLocalPort();
    }
    Process process = launch(Map.of("STORAGE_BACKEND", "mech", "MECH_BASE_URL", "http://127.0.0.1:" + closed,
        "MECH_APP_ID", "app", "MECH_API_KEY", "mech-s3cret", "MECH_RETRY_BACKOFF_MS", "1"));

    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).isEqualTo(1);
    assertThat(stderr().lines().filter(line -> line.startsWith("admp: ")).toList()).singleElement().asString()
        .startsWith("admp: could not start: cannot reach Mech at MECH_BASE_URL=http://127.0.0.1:" + closed);
    assertThat(stderr()).doesNotContain("s3cret");
  }

  @Test
  void aGoodConfigurationServesAndLogsItWithoutSecrets() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Process process = launch(Map.of("PORT", Integer.toString(port), "STORAGE_BACKEND", "memory",
        "API_KEY_REQUIRED", "true", "MASTER_API_KEY", "master-s3cret"));
    try {
      RawHttp http = new RawHttp(port);
      RawHttp.Response health = null;
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (health == null && System.nanoTime() < deadline) {
        try {
          health = http.send("GET", "/health", null);
        } catch (IOException notYetListening) {
          LockSupport.parkNanos(50_000_000);
        }
      }
      assertThat(health).isNotNull();
      assertThat(health.status()).isEqualTo(200);
    } finally {
      process.destroy();
      assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
    List<String> log = stderr().lines().toList();
    assertThat(log).anySatisfy(line -> assertThat(line).contains("INFO", "hub started", "port=" + port,
        "storage=memory", "api_key_required=true"));
    assertThat(log).noneSatisfy(line -> assertThat(line).contains("s3cret"));
    assertThat(log).noneSatisfy(line -> assertThat(line).contains("DEBUG"));
  }
}
