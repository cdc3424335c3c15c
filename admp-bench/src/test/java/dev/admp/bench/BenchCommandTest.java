package dev.admp.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.admp.bench.progress.Progress;
import dev.admp.bench.report.HtmlPage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@code admp bench --quick} for real, on memory, sqlite and mech at 0 ms, with the smallest parameters that still run every scenario, and checks the
 * figures in {@code bench.json} and on the {@code bench.html} page.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BenchCommandTest {
  private static final List<String> FLOWS = List.of("send-pull-ack", "nack-requeue", "nack-extend", "lease-expiry",
      "invalid-signature", "unknown-recipient", "stale-timestamp", "trust-block");
  private static final int REPEAT = 2;
  private static final int SWEEP = 20;

  private final StringWriter stdout = new StringWriter();
  private final StringWriter stderr = new StringWriter();
  private JsonNode json;
  private HtmlPage page;
  private List<String> measured;

  @BeforeAll
  void runTheBenchmark(@TempDir Path out) throws IOException {
    BenchOptions options = BenchOptions.quickDefaults()
        .withBackends(List.of("memory", "sqlite", "mech"))
        .withRttsMillis(List.of(0))
        .withRepeat(REPEAT)
        .withSweepSize(SWEEP)
        .withDuration(Duration.ofMillis(300))
        .withConcurrency(2)
        .withOutDir(out)
        .withProgress(Progress.Style.LINES);
    new BenchCommand(new PrintWriter(stdout), new PrintWriter(stderr)).run(options);
    json = new ObjectMapper().readTree(out.resolve(BenchCommand.JSON_FILE).toFile());
    page = HtmlPage.parse(Files.readString(out.resolve(BenchCommand.HTML_FILE)));
    measured = new ArrayList<>();
    json.get("targets").forEach(t -> measured.add(t.get("target").asText()));
  }

  @Test
  void everyRequestedBackendIsMeasuredWithNothingToNote() {
    assertThat(measured).containsExactly("memory", "sqlite", "mech@0ms");
    assertThat(json.get("notices")).isEmpty();
  }

  @Test
  void recordsParametersAndEnvironment() {
    assertThat(json.at("/parameters/repeat").asInt()).isEqualTo(REPEAT);
    assertThat(json.at("/parameters/sweep_size").asInt()).isEqualTo(SWEEP);
    assertThat(json.at("/parameters/concurrency").asInt()).isEqualTo(2);
    assertThat(json.at("/parameters/duration_sec").asDouble()).isEqualTo(0.3);
    assertThat(json.at("/parameters/quick").asBoolean()).isTrue();
    assertThat(json.at("/parameters/rtt_ms/0").asInt()).isZero();
    assertThat(json.at("/environment/jdk").asText()).isEqualTo(Runtime.version().toString());
    assertThat(json.at("/environment/cores").asInt()).isEqualTo(Runtime.getRuntime().availableProcessors());
    assertThat(json.at("/environment/hub_in_process").asBoolean()).isTrue();
    assertThat(json.at("/environment").has("git_commit")).isTrue();
    assertThat(json.at("/environment/elapsed_sec").asDouble()).isPositive();
  }

  @Test
  void everyFlowRanOnEveryTargetWithoutFailureAndWithPositiveTimes() {
    for (String target : measured) {
      for (String flow : FLOWS) {
        JsonNode f = flow(target, flow);
        assertThat(f.get("runs").asInt()).as(target + " " + flow).isEqualTo(REPEAT);
        assertThat(f.get("failures").asInt()).as(target + " " + flow).isZero();
        assertThat(f.get("median_ms").asDouble()).as(target + " " + flow).isPositive();
        assertThat(f.get("p95_ms").asDouble()).isGreaterThanOrEqualTo(f.get("median_ms").asDouble());
        assertThat(f.get("round_trips_per_run").asDouble())
            .isEqualTo(f.get("round_trips").asDouble() / REPEAT, within(1e-9));
      }
    }
  }

  @Test
  void ratioToMemoryIsTheBackendMedianOverMemorysMedian() {
    for (String target : measured) {
      for (String flow : FLOWS) {
        double expected = flow(target, flow).get("median_ms").asDouble() / flow("memory", flow).get("median_ms").asDouble();
        assertThat(flow(target, flow).get("ratio_to_memory").asDouble()).as(target + " " + flow)
            .isEqualTo(expected, within(1e-9));
      }
    }
  }

  @Test
  void roundTripsComeFromTheStoresCounters() {
    for (String target : measured) {
      long measuredTrips = 0;
      long measuredConnections = 0;
      for (JsonNode f : figures("flows", target)) {
        measuredTrips += f.get("round_trips").asLong();
        measuredConnections += f.get("connections").asLong();
      }
      for (JsonNode f : figures("sweeps", target)) {
        measuredTrips += f.get("round_trips").asLong();
        measuredConnections += f.get("connections").asLong();
      }
      for (JsonNode f : figures("throughput", target)) {
        measuredTrips += f.get("round_trips").asLong();
        measuredConnections += f.get("connections").asLong();
      }
      JsonNode summary = figures("targets", target).get(0);
      // the store counted the measured windows and the setup between them
      assertThat(measuredTrips).as(target).isLessThanOrEqualTo(summary.get("store_round_trips").asLong());
      assertThat(measuredConnections).as(target).isLessThanOrEqualTo(summary.get("store_connections").asLong());
      if (target.equals("memory")) {
        assertThat(summary.get("store_round_trips").asLong()).isZero();
      } else {
        assertThat(flow(target, "send-pull-ack").get("round_trips").asLong()).as(target).isPositive();
        assertThat(figures("throughput", target).get(0).get("round_trips_per_cycle").asDouble()).as(target).isPositive();
      }
    }
  }

  @Test
  void sweepReclaimsEveryExpiredLeaseInOneTimedCall() {
    for (String target : measured) {
      JsonNode s = figures("sweeps", target).get(0);
      assertThat(s.get("size").asInt()).isEqualTo(SWEEP);
      assertThat(s.get("reclaimed").asInt()).as(target).isEqualTo(SWEEP);
      assertThat(s.get("wall_ms").asDouble()).isPositive();
      if (!target.equals("memory")) {
        assertThat(s.get("round_trips").asLong()).as(target).isPositive();
      }
    }
  }

  @Test
  void throughputReportsRateLatencyAndMemory() {
    for (String target : measured) {
      JsonNode t = figures("throughput", target).get(0);
      assertThat(t.get("cycles").asLong()).as(target).isPositive();
      assertThat(t.get("errors").asLong()).as(target).isZero();
      assertThat(t.get("cycles_per_sec").asDouble()).isEqualTo(t.get("cycles").asDouble() / t.get("seconds").asDouble(),
          within(1e-6));
      assertThat(t.get("p50_ms").asDouble()).isPositive();
      assertThat(t.get("p99_ms").asDouble()).isGreaterThanOrEqualTo(t.get("p50_ms").asDouble());
      assertThat(t.get("p999_ms").asDouble()).isGreaterThanOrEqualTo(t.get("p99_ms").asDouble());
      assertThat(t.get("heap_used_bytes").asLong()).isPositive();
      if (System.getProperty("os.name").startsWith("Linux")) {
        assertThat(t.get("rss_bytes").asLong()).isPositive();
      }
    }
  }

  @Test
  void htmlPageChartsTheFiguresOfTheJson() {
    for (JsonNode f : json.get("flows")) {
      assertThat(page.barValues(f.get("flow").asText() + ": median wall time", f.get("target").asText()))
          .containsExactly(f.get("median_ms").asDouble());
    }
    for (JsonNode s : json.get("sweeps")) {
      assertThat(page.barValues("Sweep wall time", s.get("target").asText())).containsExactly(s.get("wall_ms").asDouble());
    }
    for (JsonNode t : json.get("throughput")) {
      assertThat(page.barValues("Cycles per second", t.get("target").asText()))
          .containsExactly(t.get("cycles_per_sec").asDouble());
      assertThat(page.barValues("Cycle latency", t.get("target").asText()))
          .containsExactly(t.get("p50_ms").asDouble(), t.get("p99_ms").asDouble(), t.get("p999_ms").asDouble());
    }
    if (measured.contains("mech@0ms")) {
      assertThat(page.select("//*[local-name()='circle'][@data-series='measured'][@data-x='0.0']"))
          .hasSize(FLOWS.size());
    }
    assertThat(page.select("//script")).isEmpty();
  }

  @Test
  void terminalShowsTheTablesAndProgressGoesToStandardError() {
    assertThat(stdout.toString()).contains("Flows:", "Sweep:", "Throughput:", "wrote ");
    for (String target : measured) {
      assertThat(stdout.toString()).contains(target);
    }
    assertThat(stderr.toString()).contains("bench: [1/").contains("bench: done in");
  }

  private JsonNode flow(String target, String flow) {
    for (JsonNode f : json.get("flows")) {
      if (f.get("target").asText().equals(target) && f.get("flow").asText().equals(flow)) {
        return f;
      }
    }
    throw new AssertionError("no figure for " + flow + " on " + target);
  }

  private List<JsonNode> figures(String section, String target) {
    List<JsonNode> result = new ArrayList<>();
    json.get(section).forEach(f -> {
      if (f.get("target").asText().equals(target)) {
        result.add(f);
      }
    });
    return result;
  }
}
