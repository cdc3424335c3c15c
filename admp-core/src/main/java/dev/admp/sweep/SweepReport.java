package dev.admp.sweep;

import dev.admp.store.ReclaimReport;
import java.util.Objects;

/**
 * What one sweep did.
 *
 * @param leases expired leases returned to the queue or made dead
 * @param expired messages that passed their TTL
 * @param purged finished messages deleted after the retention period
 */
public record SweepReport(ReclaimReport leases, int expired, int purged) {
  public SweepReport {
    Objects.requireNonNull(leases, "leases");
  }

  public boolean isEmpty() {
    return leases.total() == 0 && expired == 0 && purged == 0;
  }
}
