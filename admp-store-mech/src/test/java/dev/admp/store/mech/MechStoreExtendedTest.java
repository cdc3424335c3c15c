package dev.admp.store.mech;

import dev.admp.store.Store;
import dev.admp.store.StoreContractTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The storage contract against a Mech server with every extension. */
class MechStoreExtendedTest extends StoreContractTest {
  private static MechTestEmulator emulator;

  @BeforeAll
  static void startEmulator() {
    emulator = MechTestEmulator.extended();
  }

  @AfterAll
  static void stopEmulator() {
    emulator.close();
  }

  @Override
  protected Store createStore() {
    return MechStore.open(emulator.config(MechTestEmulator.newApp()));
  }
}
