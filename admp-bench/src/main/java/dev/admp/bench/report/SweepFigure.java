package dev.admp.bench.report;

import java.util.Objects;

/**
 * One sweep over {@code size} expired leases on one target.
 *
 * @param reclaimed leases the sweep reported back to the queue (or dead)
 * @param wallMs wall time of the one reclaim call
 * @param store storage work of that call
 */
public record SweepFigure(Target target, int size, int reclaimed, double wallMs, StoreUse store) {
  public SweepFigure {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(store, "store");
  }
}
