package dev.admp.bench.flow;

import dev.admp.bench.backend.BenchHub;
import dev.admp.client.AdmpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/** A correctly signed envelope stamped ten minutes ago (the hub allows five): {@code 400 INVALID_TIMESTAMP}. */
final class StaleTimestamp implements Flow {
  private static final Duration BEHIND = Duration.ofMinutes(10);

  @Override
  public String name() {
    return "stale-timestamp";
  }

  @Override
  public int budget() {
    return 0; // refused before anything is written
  }

  @Override
  public FlowRun prepare(BenchHub hub) {
    Pair pair = Pair.register(hub);
    AdmpClient late = hub.client(Clock.offset(Clock.systemUTC(), BEHIND.negated()))
        .withAgent(pair.sender().id(), pair.sender().secretKey());
    return () -> {
      Expect.error("INVALID_TIMESTAMP", () -> late.send(pair.message()));
      return Optional.empty();
    };
  }
}
