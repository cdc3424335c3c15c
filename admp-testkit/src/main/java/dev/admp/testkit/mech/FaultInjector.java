package dev.admp.testkit.mech;

import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;

/** Decides, per API request, which fault (if any) to inject; one seeded source for reproducible runs. */
final class FaultInjector {
  enum Action { ANSWER, UNAVAILABLE, RESET, HANG, LOSE_REPLY }

  private final AtomicReference<Faults> faults = new AtomicReference<>(Faults.NONE);
  private final Random random;

  FaultInjector(long seed) {
    this.random = new Random(seed);
  }

  Faults faults() {
    return faults.get();
  }

  void faults(Faults f) {
    faults.set(f);
  }

  /** Draws for each fault in a fixed order, so the sequence of outcomes depends only on the seed. */
  Action decide(Faults f) {
    if (f.hangRate() == 0 && f.resetRate() == 0 && f.unavailableRate() == 0 && f.lostReplyRate() == 0) {
      return Action.ANSWER;
    }
    double hang;
    double reset;
    double unavailable;
    double lost;
    synchronized (random) {
      hang = random.nextDouble();
      reset = random.nextDouble();
      unavailable = random.nextDouble();
      lost = random.nextDouble();
    }
    if (hang < f.hangRate()) {
      return Action.HANG;
    }
    if (reset < f.resetRate()) {
      return Action.RESET;
    }
    if (unavailable < f.unavailableRate()) {
      return Action.UNAVAILABLE;
    }
    return lost < f.lostReplyRate() ? Action.LOSE_REPLY : Action.ANSWER;
  }
}
