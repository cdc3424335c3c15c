package dev.admp.bench.flow;

import java.time.Instant;
import java.util.Optional;

/**
 * One prepared run of a flow, made of timed steps. Between two steps the run may have to wait
 * (for a lease to end); that wait is not part of its time, and runs of the same flow wait
 * together instead of one after another.
 */
public interface FlowRun {
  /**
   * Runs the next step.
   *
   * @return when the following step may start, or empty when the run is complete
   * @throws FlowFailure when the hub answered other than the protocol prescribes
   */
  Optional<Instant> step();
}
