package dev.admp.testkit.mech;

import java.util.EnumMap;
import java.util.Map;

/**
 * What the emulator has seen since it started or its counters were reset.
 *
 * @param requests requests received per route, including those answered with an injected fault
 * @param connectionsAccepted TCP connections accepted
 * @param connectionsOpen TCP connections open right now
 */
public record EmulatorStats(Map<Route, Long> requests, long connectionsAccepted, long connectionsOpen) {
  public EmulatorStats {
    EnumMap<Route, Long> all = new EnumMap<>(Route.class);
    for (Route r : Route.values()) {
      all.put(r, requests.getOrDefault(r, 0L));
    }
    requests = Map.copyOf(all);
  }

  public long requests(Route route) {
    return requests.get(route);
  }

  public long totalRequests() {
    return requests.values().stream().mapToLong(Long::longValue).sum();
  }

  /** The change since {@code earlier}; {@code connectionsOpen} is the current value. */
  public EmulatorStats minus(EmulatorStats earlier) {
    EnumMap<Route, Long> diff = new EnumMap<>(Route.class);
    for (Route r : Route.values()) {
      diff.put(r, requests(r) - earlier.requests(r));
    }
    return new EmulatorStats(diff, connectionsAccepted - earlier.connectionsAccepted, connectionsOpen);
  }
}
