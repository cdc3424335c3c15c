package dev.admp.bench.throughput;

import dev.admp.bench.backend.BenchAgent;
import dev.admp.bench.backend.BenchHub;
import dev.admp.bench.backend.Phase;
import dev.admp.bench.report.Distribution;
import dev.admp.bench.report.StoreUse;
import dev.admp.bench.report.ThroughputFigure;
import dev.admp.client.Outgoing;
import dev.admp.client.PullOptions;
import dev.admp.client.Pulled;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The {@code throughput} scenario: {@code concurrency} clients, each with its own sender and
 * recipient, repeat send → pull → ack for {@code duration}, after an unmeasured warm-up of a
 * quarter of that (at most a second). Latency is per completed cycle; storage round trips are read
 * from the store around the measured part only.
 */
public final class ThroughputScenario {
  private static final Duration MAX_WARM_UP = Duration.ofSeconds(1);
  private static final PullOptions PULL = PullOptions.defaults().withVisibility(Duration.ofSeconds(60));

  private final int concurrency;
  private final Duration duration;

  public ThroughputScenario(int concurrency, Duration duration) {
    if (concurrency < 1) {
      throw new IllegalArgumentException("concurrency must be at least 1, was " + concurrency);
    }
    if (!duration.isPositive()) {
      throw new IllegalArgumentException("duration must be positive, was " + duration);
    }
    this.concurrency = concurrency;
    this.duration = duration;
  }

  public ThroughputFigure run(BenchHub hub) {
    hub.phase(Phase.SETUP);
    List<Client> clients = new ArrayList<>();
    for (int i = 0; i < concurrency; i++) {
      clients.add(new Client(hub.register("load-sender"), hub.register("load-recipient")));
    }
    hub.phase(Phase.MEASURE);
    Duration warmUp = duration.dividedBy(4).compareTo(MAX_WARM_UP) < 0 ? duration.dividedBy(4) : MAX_WARM_UP;
    drive(clients, warmUp);
    clients.forEach(Client::reset);
    StoreUse before = hub.counters();
    long start = System.nanoTime();
    drive(clients, duration);
    double seconds = (System.nanoTime() - start) / 1e9;
    StoreUse use = hub.since(before);
    long cycles = clients.stream().mapToLong(c -> c.samples.size()).sum();
    long errors = clients.stream().mapToLong(c -> c.errors).sum();
    long[] all = clients.stream().flatMapToLong(c -> Arrays.stream(c.samples.toArray())).toArray();
    return new ThroughputFigure(hub.target(), concurrency, seconds, cycles, errors, Distribution.ofNanos(all), use,
        ProcessMemory.sample());
  }

  private static void drive(List<Client> clients, Duration time) {
    long end = System.nanoTime() + time.toNanos();
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < clients.size(); i++) {
      Client c = clients.get(i);
      threads.add(Thread.ofPlatform().name("bench-client-" + i).start(() -> c.runUntil(end)));
    }
    for (Thread t : threads) {
      try {
        t.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while driving the hub", e);
      }
    }
  }

  /** One client: a sender and a recipient of its own, used by one thread. */
  private static final class Client {
    private final BenchAgent sender;
    private final BenchAgent recipient;
    private final Outgoing message;
    private LongList samples = new LongList();
    private long errors;

    Client(BenchAgent sender, BenchAgent recipient) {
      this.sender = sender;
      this.recipient = recipient;
      this.message = Outgoing.to(recipient.id(), "load").withBody(Map.of("n", 1));
    }

    void reset() {
      samples = new LongList();
      errors = 0;
    }

    void runUntil(long end) {
      while (System.nanoTime() < end) {
        long start = System.nanoTime();
        try {
          sender.client().send(message);
          List<Pulled> pulled = recipient.client().pull(PULL);
          if (pulled.isEmpty()) {
            errors++;
            continue;
          }
          for (Pulled p : pulled) {
            recipient.client().ack(p);
          }
          samples.add(System.nanoTime() - start);
        } catch (RuntimeException e) {
          errors++;
        }
      }
    }
  }

  /** A growable array of longs, so that samples are not boxed. */
  static final class LongList {
    private long[] values = new long[1024];
    private int size;

    void add(long value) {
      if (size == values.length) {
        values = Arrays.copyOf(values, size * 2);
      }
      values[size++] = value;
    }

    int size() {
      return size;
    }

    long[] toArray() {
      return Arrays.copyOf(values, size);
    }
  }
}
