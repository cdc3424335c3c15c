package dev.admp.bench.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * {@code bench.json}: every figure of a report, with snake_case names. Times are milliseconds,
 * memory is bytes; a figure that does not apply (no memory baseline, no RSS off Linux) is {@code null}.
 */
public final class ReportJson {
  private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  public ObjectNode toJson(BenchReport report) {
    ObjectNode root = json.createObjectNode();
    root.set("parameters", parameters(report.parameters()));
    root.set("environment", environment(report.environment()));
    ArrayNode targets = root.putArray("targets");
    report.targets().forEach(t -> targets.add(target(t)));
    ArrayNode flows = root.putArray("flows");
    report.flows().forEach(f -> flows.add(flow(f)));
    ArrayNode sweeps = root.putArray("sweeps");
    report.sweeps().forEach(s -> sweeps.add(sweep(s)));
    ArrayNode throughput = root.putArray("throughput");
    report.throughput().forEach(t -> throughput.add(throughput(t)));
    ArrayNode notices = root.putArray("notices");
    report.notices().forEach(s -> notices.addObject().put("what", s.what()).put("reason", s.reason()));
    return root;
  }

  public void write(BenchReport report, Path file) {
    try {
      Files.writeString(file, json.writeValueAsString(toJson(report)) + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  public JsonNode read(Path file) {
    try {
      return json.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  private ObjectNode parameters(Parameters p) {
    ObjectNode node = json.createObjectNode();
    p.backends().forEach(node.putArray("backends")::add);
    p.rttsMillis().forEach(node.putArray("rtt_ms")::add);
    return node.put("repeat", p.repeat())
        .put("sweep_size", p.sweepSize())
        .put("duration_sec", p.duration().toMillis() / 1000.0)
        .put("concurrency", p.concurrency())
        .put("quick", p.quick())
        .put("time_limit_sec", p.timeLimit().toSeconds());
  }

  private ObjectNode environment(Environment e) {
    ObjectNode node = json.createObjectNode()
        .put("jdk", e.jdk())
        .put("jvm", e.jvm())
        .put("os", e.os())
        .put("cores", e.cores())
        .put("max_heap_bytes", e.maxHeapBytes());
    e.gitCommit().ifPresentOrElse(c -> node.put("git_commit", c), () -> node.putNull("git_commit"));
    return node.put("started_at", e.startedAt().toString())
        .put("elapsed_sec", e.elapsed().toMillis() / 1000.0)
        .put("hub_in_process", e.hubInProcess());
  }

  private ObjectNode targetFields(Target t) {
    ObjectNode node = json.createObjectNode().put("target", t.label()).put("backend", t.backend());
    if (t.rttMillis().isPresent()) {
      node.put("rtt_ms", t.rttMillis().getAsInt());
    } else {
      node.putNull("rtt_ms");
    }
    return node;
  }

  private ObjectNode target(TargetSummary t) {
    return targetFields(t.target())
        .put("store", t.store())
        .put("start_ms", t.startMs())
        .put("store_round_trips", t.storeTotal().roundTrips())
        .put("store_connections", t.storeTotal().connections());
  }

  private ObjectNode flow(FlowFigure f) {
    ObjectNode node = targetFields(f.target())
        .put("flow", f.flow())
        .put("budget_round_trips", f.budget())
        .put("runs", f.runs())
        .put("failures", f.failures());
    distribution(node, f.time(), false);
    node.put("round_trips", f.store().roundTrips())
        .put("round_trips_per_run", f.roundTripsPerRun())
        .put("connections", f.store().connections())
        .put("connections_per_run", f.connectionsPerRun());
    optional(node, "ratio_to_memory", f.ratioToMemory());
    if (f.target().rttMillis().isPresent()) {
      node.put("ideal_ms", (double) f.budget() * f.target().rttMillis().getAsInt());
    }
    return node;
  }

  private ObjectNode sweep(SweepFigure s) {
    return targetFields(s.target())
        .put("size", s.size())
        .put("reclaimed", s.reclaimed())
        .put("wall_ms", s.wallMs())
        .put("round_trips", s.store().roundTrips())
        .put("connections", s.store().connections());
  }

  private ObjectNode throughput(ThroughputFigure t) {
    ObjectNode node = targetFields(t.target())
        .put("concurrency", t.concurrency())
        .put("seconds", t.seconds())
        .put("cycles", t.cycles())
        .put("errors", t.errors())
        .put("cycles_per_sec", t.cyclesPerSecond());
    distribution(node, t.latency(), true);
    node.put("round_trips", t.store().roundTrips())
        .put("round_trips_per_cycle", t.roundTripsPerCycle())
        .put("connections", t.store().connections())
        .put("heap_used_bytes", t.memory().heapUsedBytes())
        .put("heap_committed_bytes", t.memory().heapCommittedBytes());
    optional(node, "rss_bytes", t.memory().rssBytes());
    optional(node, "rss_peak_bytes", t.memory().rssPeakBytes());
    return node;
  }

  private static void distribution(ObjectNode node, Distribution d, boolean tail) {
    node.put("median_ms", d.p50Ms());
    if (tail) {
      node.put("p50_ms", d.p50Ms()).put("p99_ms", d.p99Ms()).put("p999_ms", d.p999Ms());
    } else {
      node.put("p95_ms", d.p95Ms());
    }
    node.put("mean_ms", d.meanMs()).put("max_ms", d.maxMs());
  }

  private static void optional(ObjectNode node, String name, OptionalDouble value) {
    if (value.isPresent() && Double.isFinite(value.getAsDouble())) {
      node.put(name, value.getAsDouble());
    } else {
      node.putNull(name);
    }
  }

  private static void optional(ObjectNode node, String name, OptionalLong value) {
    if (value.isPresent()) {
      node.put(name, value.getAsLong());
    } else {
      node.putNull(name);
    }
  }
}
