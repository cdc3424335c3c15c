package dev.admp.bench.report;

/**
 * Storage work read from the store's own counters ({@code Store.counters()}) over a measured
 * window: requests or statements sent, and connections opened.
 */
public record StoreUse(long roundTrips, long connections) {
  public static final StoreUse NONE = new StoreUse(0, 0);

  public StoreUse {
    if (roundTrips < 0 || connections < 0) {
      throw new IllegalArgumentException("counters must not go backwards: " + roundTrips + ", " + connections);
    }
  }

  public StoreUse plus(StoreUse other) {
    return new StoreUse(roundTrips + other.roundTrips, connections + other.connections);
  }
}
