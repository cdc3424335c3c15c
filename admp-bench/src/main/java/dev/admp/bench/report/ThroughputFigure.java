package dev.admp.bench.report;

import java.util.Objects;

/**
 * Send → pull → ack cycles by concurrent clients for a fixed time on one target.
 *
 * @param concurrency clients, each a sender and a recipient of its own
 * @param seconds measured wall time
 * @param cycles completed cycles
 * @param errors cycles that failed (any call raising an error)
 * @param latency time per completed cycle
 * @param store storage work over the whole measurement
 * @param memory the process after the measurement
 */
public record ThroughputFigure(Target target, int concurrency, double seconds, long cycles, long errors,
    Distribution latency, StoreUse store, HubMemory memory) {
  public ThroughputFigure {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(latency, "latency");
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(memory, "memory");
  }

  public double cyclesPerSecond() {
    return seconds <= 0 ? 0 : cycles / seconds;
  }

  public double roundTripsPerCycle() {
    return cycles == 0 ? 0 : (double) store.roundTrips() / cycles;
  }
}
