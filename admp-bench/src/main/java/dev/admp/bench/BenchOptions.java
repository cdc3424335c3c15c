package dev.admp.bench;

import dev.admp.bench.progress.Progress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What {@code admp bench} is asked to do.
 *
 * @param backends backends to measure, by name; empty for all
 * @param rttsMillis round-trip times the latency proxy injects for remote backends (mech)
 * @param repeat timed runs of each flow per target
 * @param sweepSize expired leases reclaimed by the measured sweep
 * @param duration measured time of the throughput scenario per target
 * @param concurrency clients of the throughput scenario
 * @param quick whether the defaults were the quick ones (recorded in the report)
 * @param outDir where {@code bench.json} and {@code bench.html} go
 * @param timeLimit after this, remaining steps are skipped (and named in the report)
 * @param progress how progress is shown on standard error
 */
public record BenchOptions(List<String> backends, List<Integer> rttsMillis, int repeat, int sweepSize,
    Duration duration, int concurrency, boolean quick, Path outDir, Duration timeLimit, Progress.Style progress) {

  public BenchOptions {
    backends = List.copyOf(backends);
    rttsMillis = List.copyOf(rttsMillis);
    Objects.requireNonNull(duration, "duration");
    Objects.requireNonNull(outDir, "outDir");
    Objects.requireNonNull(timeLimit, "timeLimit");
    Objects.requireNonNull(progress, "progress");
    require(!rttsMillis.isEmpty(), "--rtt needs at least one value");
    require(rttsMillis.stream().allMatch(r -> r >= 0 && r <= 10_000), "--rtt values must be 0-10000 ms, were " + rttsMillis);
    require(repeat >= 1 && repeat <= 10_000, "--repeat must be 1-10000, was " + repeat);
    require(sweepSize >= 1 && sweepSize <= 1_000_000, "--sweep-size must be 1-1000000, was " + sweepSize);
    require(duration.compareTo(Duration.ofMillis(100)) >= 0 && duration.compareTo(Duration.ofHours(1)) <= 0,
        "--duration must be 0.1-3600 seconds, was " + duration.toMillis() / 1000.0);
    require(concurrency >= 1 && concurrency <= 1024, "--concurrency must be 1-1024, was " + concurrency);
    require(timeLimit.isPositive(), "the time limit must be positive");
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException(message);
    }
  }

  /** The full run: 20 repetitions, a sweep of 1,000 leases, 8 clients for 10 s, RTTs 0, 20 and 100 ms. */
  public static BenchOptions defaults() {
    return new BenchOptions(List.of(), List.of(0, 20, 100), 20, 1000, Duration.ofSeconds(10), 8, false,
        Path.of("bench-out"), Duration.ofMinutes(30), Progress.Style.AUTO);
  }

  /**
   * A run that finishes in under a minute with every backend: 3 repetitions, 100 leases, 4 clients
   * for 1 s, RTTs 0 and 20 ms.
   */
  public static BenchOptions quickDefaults() {
    return new BenchOptions(List.of(), List.of(0, 20), 3, 100, Duration.ofSeconds(1), 4, true,
        Path.of("bench-out"), Duration.ofMinutes(5), Progress.Style.AUTO);
  }

  public BenchOptions withBackends(List<String> names) {
    return new BenchOptions(names, rttsMillis, repeat, sweepSize, duration, concurrency, quick, outDir, timeLimit, progress);
  }

  public BenchOptions withRttsMillis(List<Integer> rtts) {
    return new BenchOptions(backends, rtts, repeat, sweepSize, duration, concurrency, quick, outDir, timeLimit, progress);
  }

  public BenchOptions withRepeat(int n) {
    return new BenchOptions(backends, rttsMillis, n, sweepSize, duration, concurrency, quick, outDir, timeLimit, progress);
  }

  public BenchOptions withSweepSize(int n) {
    return new BenchOptions(backends, rttsMillis, repeat, n, duration, concurrency, quick, outDir, timeLimit, progress);
  }

  public BenchOptions withDuration(Duration d) {
    return new BenchOptions(backends, rttsMillis, repeat, sweepSize, d, concurrency, quick, outDir, timeLimit, progress);
  }

  public BenchOptions withConcurrency(int n) {
    return new BenchOptions(backends, rttsMillis, repeat, sweepSize, duration, n, quick, outDir, timeLimit, progress);
  }

  public BenchOptions withOutDir(Path dir) {
    return new BenchOptions(backends, rttsMillis, repeat, sweepSize, duration, concurrency, quick, dir, timeLimit, progress);
  }

  public BenchOptions withTimeLimit(Duration limit) {
    return new BenchOptions(backends, rttsMillis, repeat, sweepSize, duration, concurrency, quick, outDir, limit, progress);
  }

  public BenchOptions withProgress(Progress.Style style) {
    return new BenchOptions(backends, rttsMillis, repeat, sweepSize, duration, concurrency, quick, outDir, timeLimit, style);
  }
}
