package dev.admp.bench.report;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One conformance flow on one target, repeated {@code time.count()} times.
 *
 * @param budget storage round trips the design allows this flow on a warm hub (see {@code DESIGN.md})
 * @param time wall time of each run
 * @param store storage work summed over every run
 * @param failures runs whose responses were not what the protocol prescribes
 * @param ratioToMemory median time over memory's median time in the same run; empty without memory
 */
public record FlowFigure(Target target, String flow, int budget, Distribution time, StoreUse store, int failures,
    OptionalDouble ratioToMemory) {
  public FlowFigure {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(flow, "flow");
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(ratioToMemory, "ratioToMemory");
  }

  public int runs() {
    return time.count();
  }

  public double roundTripsPerRun() {
    return runs() == 0 ? 0 : (double) store.roundTrips() / runs();
  }

  public double connectionsPerRun() {
    return runs() == 0 ? 0 : (double) store.connections() / runs();
  }

  public FlowFigure withRatioToMemory(OptionalDouble ratio) {
    return new FlowFigure(target, flow, budget, time, store, failures, ratio);
  }
}
