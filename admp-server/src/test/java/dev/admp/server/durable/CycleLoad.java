package dev.admp.server.durable;

import dev.admp.client.AdmpClient;
import dev.admp.client.Outgoing;
import dev.admp.client.PullOptions;
import dev.admp.client.Pulled;
import dev.admp.client.Registered;
import dev.admp.testkit.postgres.EmbeddedPostgresServer;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Measures send → pull → ack cycles against one hub process per backend: cycles per second,
 * p50/p99 of a whole cycle, and storage statements per cycle (from the hub's round-trip
 * counter). A measuring tool, not a test: {@code java -cp <test class path>
 * dev.admp.server.durable.CycleLoad [clients] [seconds] [backends]}.
 */
public final class CycleLoad {
  private static final Pattern ROUND_TRIPS =
      Pattern.compile("(?m)^admp_store_round_trips_total\\{[^}]*} ([0-9.eE+]+)$");
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private CycleLoad() {}

  record Result(String backend, long cycles, double perSecond, double p50Millis, double p99Millis,
      double statementsPerCycle) {
    @Override
    public String toString() {
      return String.format("| %-8s | %8.0f | %7.1f | %7.1f | %5.2f | %8d |", backend, perSecond, p50Millis, p99Millis,
          statementsPerCycle, cycles);
    }
  }

  public static void main(String[] args) throws Exception {
    int clients = args.length > 0 ? Integer.parseInt(args[0]) : 32;
    Duration duration = Duration.ofSeconds(args.length > 1 ? Long.parseLong(args[1]) : 20);
    List<String> backends = Arrays.asList((args.length > 2 ? args[2] : "memory,sqlite,postgres").split(","));
    List<Result> results = new ArrayList<>();
    for (String backend : backends) {
      results.add(switch (backend) {
        case "memory" -> measure(backend, Map.of("STORAGE_BACKEND", "memory"), clients, duration);
        case "sqlite" -> {
          Path dir = Files.createTempDirectory("admp-load-");
          yield measure(backend, Map.of("STORAGE_BACKEND", "sqlite", "DATA_DIR", dir.toString()), clients, duration);
        }
        case "postgres" -> {
          try (var server = EmbeddedPostgresServer.start(EmbeddedPostgresServer.Durability.FSYNC)) {
            Map<String, String> env = new HashMap<>(PostgresHubs.env(server, server.createDatabase()));
            env.put("DATABASE_POOL_SIZE", "16");
            yield measure(backend, env, clients, duration);
          }
        }
        default -> throw new IllegalArgumentException("unknown backend " + backend);
      });
    }
    System.out.println("| backend  | cycles/s |  p50 ms |  p99 ms | stmts | cycles   |");
    results.forEach(System.out::println);
  }

  static Result measure(String backend, Map<String, String> env, int clients, Duration duration) throws Exception {
    try (HubProcess hub = HubProcess.start(env, Path.of("").toAbsolutePath(), List.of("-Xmx1g"));
        AdmpClient client = hub.client()) {
      Registered sender = Agents.register(client, "agent://load-sender");
      List<AdmpClient> inboxes = new ArrayList<>();
      for (int i = 0; i < clients; i++) {
        inboxes.add(client.withAgent(Agents.register(client, "agent://load-" + i)));
      }
      AdmpClient asSender = client.withAgent(sender);
      run(asSender, inboxes, Duration.ofSeconds(5)); // warm-up: JIT, pools
      double before = roundTrips(hub);
      long[] latencies = run(asSender, inboxes, duration);
      double statements = roundTrips(hub) - before;
      Arrays.sort(latencies);
      return new Result(backend, latencies.length, latencies.length / (duration.toMillis() / 1000.0),
          percentile(latencies, 0.50), percentile(latencies, 0.99), statements / latencies.length);
    }
  }

  /** Every client runs cycles until the time is up; the nanoseconds of each completed cycle. */
  private static long[] run(AdmpClient asSender, List<AdmpClient> inboxes, Duration duration) throws Exception {
    long end = System.nanoTime() + duration.toNanos();
    PullOptions pull = PullOptions.defaults().withWait(Duration.ofSeconds(1));
    try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<long[]>> futures = new ArrayList<>();
      for (AdmpClient inbox : inboxes) {
        String to = inbox.agentId().orElseThrow();
        futures.add(threads.submit(() -> {
          long[] mine = new long[1024];
          int n = 0;
          while (System.nanoTime() < end) {
            long start = System.nanoTime();
            asSender.send(Outgoing.to(to, "cycle"));
            List<Pulled> pulled = inbox.pull(pull);
            for (Pulled p : pulled) {
              inbox.ack(p);
            }
            long took = System.nanoTime() - start;
            if (System.nanoTime() <= end) {
              if (n == mine.length) {
                mine = Arrays.copyOf(mine, n * 2);
              }
              mine[n++] = took;
            }
          }
          return Arrays.copyOf(mine, n);
        }));
      }
      List<long[]> all = new ArrayList<>();
      for (Future<long[]> f : futures) {
        all.add(f.get());
      }
      return all.stream().flatMapToLong(Arrays::stream).toArray();
    }
  }

  private static double percentile(long[] sorted, double p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    return sorted[(int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] / 1e6;
  }

  private static double roundTrips(HubProcess hub) throws IOException, InterruptedException {
    String metrics = HTTP.send(HttpRequest.newBuilder(hub.baseUrl().resolve("/metrics")).build(),
        HttpResponse.BodyHandlers.ofString()).body();
    Matcher m = ROUND_TRIPS.matcher(metrics);
    return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
  }
}
