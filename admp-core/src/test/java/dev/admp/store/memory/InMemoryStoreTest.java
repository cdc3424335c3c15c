package dev.admp.store.memory;

import dev.admp.store.Store;
import dev.admp.store.StoreContractTest;

class InMemoryStoreTest extends StoreContractTest {
  @Override
  protected Store createStore() {
    return new InMemoryStore();
  }

  /** Memory has no storage to reach. */
  @Override
  public int roundTripBudget(Verb verb) {
    return 0;
  }
}
