package dev.admp.store;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The storage contract: every behaviour of the {@link Store} SPI, stated once. A backend's test
 * extends this class, implements {@link #createStore()} (a fresh, empty store for each test) and
 * overrides {@link #roundTripBudget(Verb)} when its budget differs from a remote store's.
 *
 * <p>The behaviours live in one interface per aspect ({@link AgentContract}, {@link EnqueueContract},
 * {@link LeaseContract}, {@link TransitionContract}, {@link SweepContract}, {@link StatsContract},
 * {@link ConcurrencyContract}, {@link RoundTripContract}), so that each backend still runs them
 * all as one test class with one report. Time is always an argument; no test reads a clock or sleeps.
 */
public abstract class StoreContractTest implements AgentContract, EnqueueContract, LeaseContract,
    TransitionContract, SweepContract, StatsContract, ConcurrencyContract, RoundTripContract {

  /** The verbs whose round trips the contract measures. */
  public enum Verb {
    REGISTER, FIND_AGENT, UPDATE_AGENT, ENQUEUE, LEASE_ONE, LEASE_BATCH, ACK, REQUEUE, EXTEND,
    FIND_MESSAGE, INBOX_STATS, HUB_STATS, RECLAIM, RECLAIM_INBOX, EXPIRE, PURGE
  }

  private Store store;

  /** A new, empty store; the suite closes it after each test. */
  protected abstract Store createStore();

  /**
   * The most round trips {@code verb} may cost on this backend. The default is a remote store's
   * budget from {@code DESIGN.md}: one for every verb, sweeps included (the suite sweeps fewer
   * than 100 messages). A backend that does better may lower it; a backend that must do worse
   * overrides it for that verb and says why.
   */
  @Override
  public int roundTripBudget(Verb verb) {
    return 1;
  }

  @Override
  public final Store store() {
    return store;
  }

  @BeforeEach
  final void openStore() {
    store = createStore();
  }

  @AfterEach
  final void closeStore() {
    if (store != null) {
      store.close();
    }
  }
}
