package dev.admp.bench.backend;

import dev.admp.store.StoreCounters;

/** A started hub as the benchmark sees it: where it listens and what its store has counted. */
public interface RunningHub extends AutoCloseable {
  int port();

  /** The store's cumulative round trips and opened connections. */
  StoreCounters storeCounters();

  @Override
  void close();
}
