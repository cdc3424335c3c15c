package dev.admp.server.durable;

import dev.admp.client.AdmpClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

/**
 * A hub running as its own operating-system process ({@code dev.admp.server.Main} on the test
 * class path), configured only through environment variables, as an operator runs it. Its
 * standard output and error go to a file that tests read. Closing it kills the process.
 */
final class HubProcess implements AutoCloseable {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
  /**
   * Small heap and the C1 compiler only: test hubs live for seconds to a minute, where the
   * optimising compiler costs more CPU than it saves on a shared machine.
   */
  private static final List<String> TEST_JVM = List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");
  private static final HttpClient PROBE = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(2)).build();

  private final Process process;
  private final Path log;
  private final int port;

  private HubProcess(Process process, Path log, int port) {
    this.process = process;
    this.log = log;
    this.port = port;
  }

  /** Starts a hub on a free port and returns once it answers {@code /health} with 200. */
  static HubProcess start(Map<String, String> env) {
    return start(env, Path.of("").toAbsolutePath());
  }

  /** {@link #start(Map)} in the given working directory (where relative paths such as {@code ./data} lead). */
  static HubProcess start(Map<String, String> env, Path workingDirectory) {
    return start(env, workingDirectory, TEST_JVM);
  }

  /** {@link #start(Map, Path)} with other JVM options, e.g. a fully optimising JIT for measurements. */
  static HubProcess start(Map<String, String> env, Path workingDirectory, List<String> jvmOptions) {
    HubProcess hub = launch(env, workingDirectory, jvmOptions);
    try {
      hub.awaitHealthy(START_TIMEOUT);
      return hub;
    } catch (RuntimeException | Error e) {
      hub.close();
      throw e;
    }
  }

  /** Starts a hub process without waiting for it (for hubs expected not to start). */
  static HubProcess launch(Map<String, String> env) {
    return launch(env, Path.of("").toAbsolutePath(), TEST_JVM);
  }

  private static HubProcess launch(Map<String, String> env, Path workingDirectory, List<String> jvmOptions) {
    int port = freePort();
    Map<String, String> all = new HashMap<>(env);
    all.putIfAbsent("PORT", Integer.toString(port));
    List<String> command = new ArrayList<>();
    command.add(javaExecutable());
    command.addAll(jvmOptions);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.admp.server.Main"));
    try {
      Path log = Files.createTempFile("admp-hub-", ".log");
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(log.toFile()).directory(workingDirectory.toFile());
      Map<String, String> childEnv = builder.environment();
      // Only what a JVM needs from the outside; the hub's own variables come from the test.
      childEnv.keySet().retainAll(List.of("PATH", "HOME", "TMPDIR", "LANG", "TZ"));
      childEnv.putAll(all);
      return new HubProcess(builder.start(), log, Integer.parseInt(all.get("PORT")));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start a hub process", e);
    }
  }

  int port() {
    return port;
  }

  URI baseUrl() {
    return URI.create("http://127.0.0.1:" + port);
  }

  /** A client of this hub, acting as no agent yet. */
  AdmpClient client() {
    return AdmpClient.builder(baseUrl()).timeout(Duration.ofSeconds(30)).build();
  }

  /** Everything the process wrote so far, standard output and error interleaved. */
  String output() {
    try {
      return Files.readString(log, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** Waits for the process to exit on its own; its exit code, or empty when it still runs after {@code max}. */
  OptionalInt awaitExit(Duration max) throws InterruptedException {
    return process.waitFor(max.toMillis(), TimeUnit.MILLISECONDS)
        ? OptionalInt.of(process.exitValue())
        : OptionalInt.empty();
  }

  /** SIGKILL: no shutdown hook runs, nothing is flushed or closed. */
  void kill() {
    process.destroyForcibly();
    awaitDeath();
  }

  /** SIGTERM: the hub's shutdown hook closes it. */
  void stop() {
    process.destroy();
    awaitDeath();
  }

  /** The status of {@code GET /health}, or 0 when the hub does not answer. */
  int healthStatus() {
    try {
      HttpRequest request = HttpRequest.newBuilder(baseUrl().resolve("/health")).timeout(Duration.ofSeconds(10))
          .GET().build();
      return PROBE.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      return 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 0;
    }
  }

  private void awaitHealthy(Duration max) {
    long deadline = System.nanoTime() + max.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new AssertionError("hub exited with " + process.exitValue() + " before it was healthy:\n" + output());
      }
      if (healthStatus() == 200) {
        return;
      }
      Deadline.pause(Duration.ofMillis(100));
    }
    throw new AssertionError("hub not healthy after " + max + ":\n" + output());
  }

  private void awaitDeath() {
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      kill();
    }
    try {
      Files.deleteIfExists(log);
    } catch (IOException e) {
      // a temp file left behind is harmless
    }
  }

  private static String javaExecutable() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
