package dev.admp.bench.flow;

import dev.admp.bench.backend.BenchHub;

/** One conformance flow: a short exchange with the hub whose every answer is checked. */
public interface Flow {
  /** A short, stable name: {@code send-pull-ack}. */
  String name();

  /**
   * Storage round trips the design allows this flow's timed steps on a warm hub ({@code DESIGN.md},
   * round-trip budget); the ideal time on a remote store is this times the RTT.
   */
  int budget();

  /** Does the untimed preparation of one run (fresh agents, trust lists) and returns the run. */
  FlowRun prepare(BenchHub hub);
}
