package dev.admp.bench.sweep;

import dev.admp.bench.backend.BenchAgent;
import dev.admp.bench.backend.BenchHub;
import dev.admp.bench.backend.Phase;
import dev.admp.bench.report.SweepFigure;
import dev.admp.bench.report.StoreUse;
import dev.admp.client.Outgoing;
import dev.admp.client.PullOptions;
import dev.admp.client.Pulled;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The {@code sweep} scenario: one inbox holds {@code size} messages whose leases have all ended;
 * one reclaim call ({@code POST …/inbox/reclaim}) puts them back. The filling is setup (no
 * injected latency, several senders at once); only the reclaim call is measured. Preparing and
 * measuring are separate so that the wait for the leases to end can overlap other work.
 */
public final class SweepScenario {
  private static final int SENDERS = 8;
  private static final int PULL_BATCH = 10;
  private static final Duration LEASE = Duration.ofSeconds(1);
  private static final Duration MARGIN = Duration.ofMillis(20);

  private final int size;

  public SweepScenario(int size) {
    if (size < 1) {
      throw new IllegalArgumentException("size must be at least 1, was " + size);
    }
    this.size = size;
  }

  /**
   * Fills an inbox and leases every message with the shortest lease. The leases end about a
   * second later; other scenarios can run meanwhile, since nothing else touches this inbox.
   */
  public Prepared prepare(BenchHub hub) {
    hub.phase(Phase.SETUP);
    BenchAgent sender = hub.register("sweep-sender");
    BenchAgent recipient = hub.register("sweep-recipient");
    send(sender, recipient);
    return new Prepared(hub, recipient, leaseAll(recipient).plus(MARGIN));
  }

  /** An inbox whose leases end at {@code leasesEnd}, ready for the measured reclaim. */
  public final class Prepared {
    private final BenchHub hub;
    private final BenchAgent recipient;
    private final Instant leasesEnd;

    private Prepared(BenchHub hub, BenchAgent recipient, Instant leasesEnd) {
      this.hub = hub;
      this.recipient = recipient;
      this.leasesEnd = leasesEnd;
    }

    /**
     * Waits for the leases to end if they have not, then times the one reclaim call. Just before,
     * an untimed call as the recipient puts it back in the hub's agent cache (other scenarios ran
     * meanwhile), so that the figure is the sweep's own cost on a warm hub.
     */
    public SweepFigure measure() {
      waitUntil(leasesEnd);
      hub.phase(Phase.SETUP);
      recipient.client().inboxStats();
      hub.phase(Phase.MEASURE);
      StoreUse before = hub.counters();
      long start = System.nanoTime();
      int reclaimed = recipient.client().reclaim();
      double wallMs = (System.nanoTime() - start) / 1_000_000.0;
      return new SweepFigure(hub.target(), size, reclaimed, wallMs, hub.since(before));
    }
  }

  private void send(BenchAgent sender, BenchAgent recipient) {
    Outgoing message = Outgoing.to(recipient.id(), "sweep").withBody(Map.of("n", 1));
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<?>> senders = new ArrayList<>();
      for (int s = 0; s < SENDERS; s++) {
        int share = size / SENDERS + (s < size % SENDERS ? 1 : 0);
        senders.add(pool.submit(() -> {
          for (int i = 0; i < share; i++) {
            sender.client().send(message);
          }
        }));
      }
      for (Future<?> f : senders) {
        f.get();
      }
    } catch (ExecutionException e) {
      throw new IllegalStateException("filling the inbox failed: " + e.getCause().getMessage(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while filling the inbox", e);
    }
  }

  /** Leases every message with the shortest lease; returns when the last lease ends. */
  private Instant leaseAll(BenchAgent recipient) {
    PullOptions pull = PullOptions.defaults().withVisibility(LEASE).withMaxMessages(PULL_BATCH);
    Set<String> leased = new HashSet<>();
    Instant last = Instant.EPOCH;
    while (leased.size() < size) {
      List<Pulled> batch = recipient.client().pull(pull);
      if (batch.isEmpty()) {
        throw new IllegalStateException("the inbox ran dry after " + leased.size() + " of " + size + " messages");
      }
      for (Pulled p : batch) {
        leased.add(p.messageId());
        last = p.leaseUntil().isAfter(last) ? p.leaseUntil() : last;
      }
    }
    return last;
  }

  private static void waitUntil(Instant when) {
    Duration wait = Duration.between(Instant.now(), when);
    if (wait.isPositive()) {
      try {
        Thread.sleep(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for the leases to end", e);
      }
    }
  }
}
