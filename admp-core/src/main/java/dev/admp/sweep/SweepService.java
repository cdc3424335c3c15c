package dev.admp.sweep;

import dev.admp.store.ReclaimReport;
import dev.admp.store.Store;
import java.time.Instant;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The periodic clean-up: expired leases back to the queue (or dead), messages past their TTL
 * to expired, finished messages past retention deleted. Each step is one set-based store call.
 * The caller drives it with explicit time, so tests need no scheduler.
 */
public final class SweepService {
  private static final Logger LOG = LoggerFactory.getLogger(SweepService.class);

  private final Store store;
  private final SweepSettings settings;

  public SweepService(Store store, SweepSettings settings) {
    this.store = Objects.requireNonNull(store, "store");
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  public SweepReport sweep(Instant now) {
    ReclaimReport leases = store.reclaimExpiredLeases(now, settings.maxAttempts());
    int expired = store.expireMessages(now);
    int purged = store.purgeFinished(now.minus(settings.retention()));
    SweepReport report = new SweepReport(leases, expired, purged);
    if (!report.isEmpty()) {
      LOG.info("sweep requeued={} dead={} expired={} purged={}", leases.requeued(), leases.dead(), expired, purged);
    }
    return report;
  }
}
