package dev.admp.bench.backend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.admp.bench.report.StoreUse;
import dev.admp.bench.report.Target;
import org.junit.jupiter.api.Test;

class MechBackendTest {

  @Test
  void keepAliveReusesTheStoresConnections() {
    Use use = registerTwoAgents(MechBackend.keepAlive());
    assertThat(use.store().roundTrips()).isPositive();
    assertThat(use.store().connections()).isZero();
    assertThat(use.proxyConnections()).isZero();
  }

  @Test
  void closingOpensOneConnectionPerRoundTripAndTheStoreCountsEveryOneTheProxyAccepted() {
    Use use = registerTwoAgents(MechBackend.closing());
    assertThat(use.store().roundTrips()).isPositive();
    assertThat(use.store().connections()).isEqualTo(use.store().roundTrips());
    assertThat(use.proxyConnections()).isEqualTo(use.store().connections());
  }

  /** Storage work of two registrations on a warm hub, as the store and the latency proxy count it. */
  private static Use registerTwoAgents(MechBackend backend) {
    try (MechBackend.MechSession session = (MechBackend.MechSession) backend.open(new HubLauncher());
        BenchHub hub = session.start(Target.remote(backend.name(), 0))) {
      hub.register("warm-up");
      StoreUse before = hub.counters();
      long accepted = session.proxy().connectionsAccepted();
      hub.register("sender");
      hub.register("recipient");
      return new Use(hub.since(before), session.proxy().connectionsAccepted() - accepted);
    }
  }

  private record Use(StoreUse store, long proxyConnections) {}
}
