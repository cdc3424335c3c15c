package dev.admp.bench.report;

/** The report as text tables for the terminal: flows, sweeps and throughput. */
public final class TerminalTable {

  public String render(BenchReport report) {
    StringBuilder out = new StringBuilder();
    section(out, flows(report));
    section(out, sweeps(report));
    section(out, throughput(report));
    for (Notice s : report.notices()) {
      out.append("note: ").append(s.what()).append(": ").append(s.reason()).append('\n');
    }
    return out.toString();
  }

  private static void section(StringBuilder out, TextTable table) {
    if (!table.isEmpty()) {
      out.append(table.render()).append('\n');
    }
  }

  private static TextTable flows(BenchReport report) {
    TextTable table = new TextTable(
        "Flows: wall time per run (ms), storage round trips and new connections per run, ratio of medians to memory",
        "flow", "target", "runs", "median", "p95", "rt/run", "budget", "conn/run", "x memory", "failed");
    for (String flow : report.flowNames()) {
      boolean first = true;
      for (Target target : report.flowTargets()) {
        var figure = report.flow(target, flow);
        if (figure.isEmpty()) {
          continue;
        }
        FlowFigure f = figure.get();
        table.row(first ? flow : "", target.label(), Integer.toString(f.runs()),
            Formats.ms(f.time().medianMs()), Formats.ms(f.time().p95Ms()), Formats.count(f.roundTripsPerRun()),
            Integer.toString(f.budget()), Formats.count(f.connectionsPerRun()), Formats.ratio(f.ratioToMemory()),
            Integer.toString(f.failures()));
        first = false;
      }
    }
    return table;
  }

  private static TextTable sweeps(BenchReport report) {
    TextTable table = new TextTable("Sweep: one reclaim of N expired leases",
        "target", "leases", "reclaimed", "wall ms", "round trips", "new conn");
    for (SweepFigure s : report.sweeps()) {
      table.row(s.target().label(), Integer.toString(s.size()), Integer.toString(s.reclaimed()), Formats.ms(s.wallMs()),
          Long.toString(s.store().roundTrips()), Long.toString(s.store().connections()));
    }
    return table;
  }

  private static TextTable throughput(BenchReport report) {
    TextTable table = new TextTable(
        "Throughput: send -> pull -> ack cycles; heap and RSS of the benchmark JVM, which runs the hub in-process",
        "target", "clients", "cycles/s", "p50 ms", "p99 ms", "p99.9 ms", "errors", "rt/cycle", "heap MiB", "RSS MiB");
    for (ThroughputFigure t : report.throughput()) {
      table.row(t.target().label(), Integer.toString(t.concurrency()), Formats.rate(t.cyclesPerSecond()),
          Formats.ms(t.latency().p50Ms()), Formats.ms(t.latency().p99Ms()), Formats.ms(t.latency().p999Ms()),
          Long.toString(t.errors()), Formats.count(Math.round(t.roundTripsPerCycle() * 100) / 100.0),
          Formats.mebibytes(t.memory().heapUsedBytes()),
          t.memory().rssBytes().isPresent() ? Formats.mebibytes(t.memory().rssBytes().getAsLong()) : "-");
    }
    return table;
  }
}
