package dev.admp.store;

/**
 * Operational counters of a store since it opened.
 *
 * @param roundTrips requests or statements sent to the storage (0 for memory)
 * @param connectionsOpened connections the store opened to the storage (0 for memory)
 */
public record StoreCounters(long roundTrips, long connectionsOpened) {
  public static final StoreCounters ZERO = new StoreCounters(0, 0);

  public StoreCounters minus(StoreCounters earlier) {
    return new StoreCounters(roundTrips - earlier.roundTrips, connectionsOpened - earlier.connectionsOpened);
  }
}
