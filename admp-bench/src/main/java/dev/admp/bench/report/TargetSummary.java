package dev.admp.bench.report;

import java.util.Objects;

/**
 * One hub the benchmark started.
 *
 * @param store the {@code STORAGE_BACKEND} the hub ran with
 * @param startMs time to create and start the hub
 * @param storeTotal the store's counters from just after start to just before close; every
 *     measured window lies inside, so the figures' round trips add up to at most this
 */
public record TargetSummary(Target target, String store, double startMs, StoreUse storeTotal) {
  public TargetSummary {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(storeTotal, "storeTotal");
  }
}
