package dev.admp.store;

/** What a lease sweep did: leases returned to the queue, and messages that ran out of attempts. */
public record ReclaimReport(int requeued, int dead) {
  public static final ReclaimReport NONE = new ReclaimReport(0, 0);

  public int total() {
    return requeued + dead;
  }
}
