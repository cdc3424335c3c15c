package dev.admp.testkit.mech;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/** Request and connection counters, updated from server threads. */
final class EmulatorCounters {
  private final Map<Route, LongAdder> requests = new EnumMap<>(Route.class);
  private final LongAdder accepted = new LongAdder();
  private final LongAdder open = new LongAdder();

  EmulatorCounters() {
    for (Route r : Route.values()) {
      requests.put(r, new LongAdder());
    }
  }

  void request(Route route) {
    requests.get(route).increment();
  }

  void connectionOpened() {
    accepted.increment();
    open.increment();
  }

  void connectionClosed() {
    open.decrement();
  }

  /** Zeroes the request and accepted-connection counts; open connections stay counted. */
  void reset() {
    requests.values().forEach(LongAdder::reset);
    accepted.reset();
  }

  EmulatorStats snapshot() {
    EnumMap<Route, Long> counts = new EnumMap<>(Route.class);
    requests.forEach((route, n) -> counts.put(route, n.sum()));
    return new EmulatorStats(counts, accepted.sum(), open.sum());
  }
}
