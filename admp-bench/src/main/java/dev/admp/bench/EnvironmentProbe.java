package dev.admp.bench;

import dev.admp.bench.report.Environment;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/** Describes the machine and the code the benchmark ran on. */
final class EnvironmentProbe {
  private static final Pattern COMMIT = Pattern.compile("[0-9a-f]{40,64}");

  private EnvironmentProbe() {}

  static Environment describe(Instant startedAt, Duration elapsed) {
    return new Environment(Runtime.version().toString(),
        System.getProperty("java.vm.name", "?") + ", " + System.getProperty("java.vm.vendor", "?"),
        System.getProperty("os.name", "?") + " " + System.getProperty("os.arch", "?"),
        Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory(), gitCommit(), startedAt,
        elapsed, true);
  }

  /** {@code git rev-parse HEAD} in the working directory, best effort: empty on any trouble. */
  static Optional<String> gitCommit() {
    try {
      Process git = new ProcessBuilder("git", "rev-parse", "HEAD").redirectErrorStream(true).start();
      try (InputStream in = git.getInputStream()) {
        git.getOutputStream().close();
        if (!git.waitFor(5, TimeUnit.SECONDS)) {
          git.destroyForcibly();
          return Optional.empty();
        }
        String out = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        return git.exitValue() == 0 && COMMIT.matcher(out).matches() ? Optional.of(out) : Optional.empty();
      }
    } catch (IOException e) {
      return Optional.empty(); // no git here
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }
}
