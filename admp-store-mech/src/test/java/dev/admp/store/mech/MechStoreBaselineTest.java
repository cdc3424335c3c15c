package dev.admp.store.mech;

import dev.admp.store.Store;
import dev.admp.store.StoreContractTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The storage contract against a Mech server with no extension. */
class MechStoreBaselineTest extends StoreContractTest {
  private static MechTestEmulator emulator;

  @BeforeAll
  static void startEmulator() {
    emulator = MechTestEmulator.baseline();
  }

  @AfterAll
  static void stopEmulator() {
    emulator.close();
  }

  @Override
  protected Store createStore() {
    return MechStore.open(emulator.config(MechTestEmulator.newApp()));
  }

  /**
   * Without {@code batch}, a change to several messages is one update per message (sent in
   * parallel): pulling five is five requests, and the contract's sweeps of three are three.
   */
  @Override
  public int roundTripBudget(Verb verb) {
    return switch (verb) {
      case LEASE_BATCH -> 5;
      case RECLAIM, RECLAIM_INBOX, EXPIRE, PURGE -> 3;
      default -> 1;
    };
  }
}
