package dev.admp.bench.report;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/** Reports with known figures, for the rendering tests. */
final class SampleReports {
  static final Target MEMORY = Target.local("memory");
  static final Target SQLITE = Target.local("sqlite");
  static final Target MECH_0 = Target.remote("mech", 0);
  static final Target MECH_20 = Target.remote("mech", 20);

  private SampleReports() {}

  static Distribution millis(double... values) {
    long[] nanos = new long[values.length];
    for (int i = 0; i < values.length; i++) {
      nanos[i] = Math.round(values[i] * 1_000_000);
    }
    return Distribution.ofNanos(nanos);
  }

  static FlowFigure flow(Target target, String flow, int budget, double median, long roundTrips) {
    return new FlowFigure(target, flow, budget, millis(median, median, median * 1.5), new StoreUse(roundTrips, 0), 0,
        OptionalDouble.empty());
  }

  static BenchReport report() {
    Parameters parameters = new Parameters(List.of("memory", "sqlite", "mech"), List.of(0, 20), 3, 100,
        Duration.ofSeconds(1), 2, true, Duration.ofMinutes(1));
    Environment environment = new Environment("21.0.5", "OpenJDK 64-Bit Server VM", "Linux amd64", 2, 1L << 30,
        Optional.of("0123456789abcdef"), Instant.parse("2026-01-15T10:20:30Z"), Duration.ofSeconds(42), true);
    List<TargetSummary> targets = List.of(
        new TargetSummary(MEMORY, "memory", 12.5, StoreUse.NONE),
        new TargetSummary(SQLITE, "sqlite", 80.25, new StoreUse(40, 1)),
        new TargetSummary(MECH_0, "mech", 99.0, new StoreUse(40, 2)),
        new TargetSummary(MECH_20, "mech", 101.0, new StoreUse(40, 2)));
    List<FlowFigure> flows = List.of(
        flow(MEMORY, "send-pull-ack", 6, 2.0, 0),
        flow(SQLITE, "send-pull-ack", 6, 5.0, 18),
        flow(MECH_0, "send-pull-ack", 6, 6.0, 18),
        flow(MECH_20, "send-pull-ack", 6, 130.0, 18),
        flow(MEMORY, "unknown <recipient> & \"co\"", 1, 1.0, 0),
        flow(SQLITE, "unknown <recipient> & \"co\"", 1, 3.0, 3));
    List<SweepFigure> sweeps = List.of(
        new SweepFigure(MEMORY, 100, 100, 0.5, StoreUse.NONE),
        new SweepFigure(SQLITE, 100, 100, 4.0, new StoreUse(1, 0)));
    HubMemory memory = new HubMemory(100L << 20, 200L << 20, OptionalLong.of(300L << 20), OptionalLong.of(310L << 20));
    List<ThroughputFigure> throughput = List.of(
        new ThroughputFigure(MEMORY, 2, 1.0, 500, 0, millis(1, 2, 3, 4), StoreUse.NONE, memory),
        new ThroughputFigure(SQLITE, 2, 1.0, 250, 1, millis(2, 4, 6, 8), new StoreUse(750, 0),
            new HubMemory(1, 2, OptionalLong.empty(), OptionalLong.empty())));
    return new BenchReport(parameters, environment, targets, flows, sweeps, throughput,
        List.of(new Notice("postgres", "embedded PostgreSQL did not start: <no binaries>")));
  }
}
