package dev.admp.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import dev.admp.bench.BenchCommand;
import dev.admp.bench.BenchOptions;
import dev.admp.bench.backend.Backends;
import dev.admp.bench.progress.Progress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Measure the hub on every storage backend side by side: conformance flows, a sweep of"
        + " expired leases and send-pull-ack throughput. Hubs run in this process on ephemeral ports and are"
        + " driven through the Java SDK over HTTP with HTTP signatures on. Writes bench.json and bench.html.")
final class BenchSubcommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--quick", description = "Small defaults that finish in under a minute.")
  boolean quick;

  @Option(names = "--backends", split = ",", paramLabel = "NAME",
      description = "Backends to measure: memory, sqlite, postgres, mech, mech-close (default: all).")
  List<String> backends;

  @Option(names = "--rtt", split = ",", paramLabel = "MS",
      description = "Round-trip times injected between the hub and Mech (default: 0,20,100; quick 0,20).")
  List<Integer> rtts;

  @Option(names = "--repeat", paramLabel = "N", description = "Timed runs of each flow per backend (default: 20; quick 3).")
  Integer repeat;

  @Option(names = "--sweep-size", paramLabel = "N", description = "Expired leases in the sweep (default: 1000; quick 100).")
  Integer sweepSize;

  @Option(names = "--duration", paramLabel = "SECONDS",
      description = "Throughput measurement per backend (default: 10; quick 1).")
  Double durationSeconds;

  @Option(names = "--concurrency", paramLabel = "N", description = "Throughput clients (default: 8; quick 4).")
  Integer concurrency;

  @Option(names = "--out", paramLabel = "DIR", description = "Where bench.json and bench.html go (default: ./bench-out).")
  Path out;

  @Option(names = "--time-limit", paramLabel = "SECONDS",
      description = "Skip what remains after this long (default: 1800; quick 300).")
  Integer timeLimitSeconds;

  @Option(names = "--progress", paramLabel = "STYLE",
      description = "Progress on standard error: auto, bar, lines or none (default: auto, a bar on a terminal).")
  String progress;

  @Override
  public Integer call() {
    BenchOptions options = options();
    // Each hub, PostgreSQL and the emulator log their start and stop; only trouble is worth showing here.
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    Level level = root.getLevel();
    root.setLevel(Level.WARN);
    try {
      new BenchCommand(spec.commandLine().getOut(), spec.commandLine().getErr()).run(options);
    } finally {
      root.setLevel(level);
    }
    return 0;
  }

  BenchOptions options() {
    BenchOptions o = quick ? BenchOptions.quickDefaults() : BenchOptions.defaults();
    try {
      if (backends != null) {
        o = o.withBackends(backends.stream().map(String::strip).toList());
      }
      if (rtts != null) {
        o = o.withRttsMillis(rtts);
      }
      if (repeat != null) {
        o = o.withRepeat(repeat);
      }
      if (sweepSize != null) {
        o = o.withSweepSize(sweepSize);
      }
      if (durationSeconds != null) {
        o = o.withDuration(Duration.ofMillis(Math.round(durationSeconds * 1000)));
      }
      if (concurrency != null) {
        o = o.withConcurrency(concurrency);
      }
      if (out != null) {
        o = o.withOutDir(out);
      }
      if (timeLimitSeconds != null) {
        o = o.withTimeLimit(Duration.ofSeconds(Math.max(1, timeLimitSeconds)));
      }
      if (progress != null) {
        o = o.withProgress(progressStyle(progress));
      }
      Backends.named(o.backends());
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    return o;
  }

  private static Progress.Style progressStyle(String name) {
    for (Progress.Style style : Progress.Style.values()) {
      if (style.name().equalsIgnoreCase(name.strip())) {
        return style;
      }
    }
    throw new IllegalArgumentException("--progress must be auto, bar, lines or none, was '" + name + "'");
  }
}
