package dev.admp.bench.report;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Where and when the benchmark ran.
 *
 * @param gitCommit {@code git rev-parse HEAD} of the working directory, when git could tell
 * @param hubInProcess always true: hubs run inside the benchmark's JVM, so memory figures are the JVM's
 */
public record Environment(String jdk, String jvm, String os, int cores, long maxHeapBytes, Optional<String> gitCommit,
    Instant startedAt, Duration elapsed, boolean hubInProcess) {
  public Environment {
    Objects.requireNonNull(jdk, "jdk");
    Objects.requireNonNull(jvm, "jvm");
    Objects.requireNonNull(os, "os");
    Objects.requireNonNull(gitCommit, "gitCommit");
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(elapsed, "elapsed");
  }
}
