package dev.admp.bench.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code bench.html}: one self-contained page (inline CSS and SVG, no script, nothing fetched)
 * with the report's tables and charts. It is well-formed XML as well as HTML.
 */
public final class HtmlReport {
  private static final String STYLE = """
      body{font-family:system-ui,sans-serif;margin:2em;color:#222;max-width:1300px}
      h1{font-size:1.5em}h2{font-size:1.2em;margin-top:2em;border-bottom:1px solid #ccc}
      table{border-collapse:collapse;margin:0.5em 0 1em}th,td{padding:2px 8px;border-bottom:1px solid #eee}
      td.n{text-align:right;font-variant-numeric:tabular-nums}th{text-align:left;background:#f4f4f4}
      .charts{display:flex;flex-wrap:wrap;gap:18px}.chart{font-size:11px}.chart-title{font-weight:bold;font-size:12px}
      .note{color:#555;font-size:0.9em}code{background:#f4f4f4;padding:0 3px}
      """;

  public String render(BenchReport report) {
    Palette palette = new Palette();
    report.targets().forEach(t -> palette.colour(t.target().label()));
    Markup m = new Markup().raw("<!DOCTYPE html>\n").open("html", "lang", "en").newline();
    m.open("head").empty("meta", "charset", "utf-8").element("title", "ADMP hub benchmark")
        .open("style").text(STYLE).close("style").close("head").newline();
    m.open("body").element("h1", "ADMP hub benchmark").newline();
    about(m, report);
    new FlowSection(report, palette).write(m);
    sweeps(m, report, palette);
    throughput(m, report, palette);
    if (!report.notices().isEmpty()) {
      m.element("h2", "Notes");
      m.open("ul");
      report.notices().forEach(s -> m.element("li", s.what() + ": " + s.reason()));
      m.close("ul");
    }
    m.close("body").close("html").newline();
    return m.toString();
  }

  public void write(BenchReport report, Path file) {
    try {
      Files.writeString(file, render(report));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  private static void about(Markup m, BenchReport report) {
    Parameters p = report.parameters();
    Environment e = report.environment();
    m.open("p", "class", "note").text("Each hub runs in the benchmark's own JVM on an ephemeral port and is driven "
        + "through the Java SDK over HTTP with HTTP signatures on (AUTH_MODE=signature). Storage round trips and "
        + "new connections come from the store's own counters. Heap and RSS are those of that JVM.").close("p");
    Table t = new Table("setting", "value");
    t.row(text("backends"), text(String.join(", ", p.backends())));
    t.row(text("mech RTT (ms)"), text(p.rttsMillis().toString()));
    t.row(text("flow repetitions"), number(p.repeat(), Integer.toString(p.repeat())));
    t.row(text("sweep size"), number(p.sweepSize(), Integer.toString(p.sweepSize())));
    t.row(text("throughput"), text(p.concurrency() + " clients for " + p.duration().toMillis() / 1000.0 + " s"));
    t.row(text("quick"), text(Boolean.toString(p.quick())));
    t.row(text("JDK"), text(e.jdk() + " (" + e.jvm() + ")"));
    t.row(text("OS, cores"), text(e.os() + ", " + e.cores() + " cores, max heap " + Formats.mebibytes(e.maxHeapBytes()) + " MiB"));
    t.row(text("git commit"), text(e.gitCommit().orElse("unknown")));
    t.row(text("started"), text(e.startedAt() + ", took " + e.elapsed().toSeconds() + " s"));
    t.write(m);
  }

  private static void sweeps(Markup m, BenchReport report, Palette palette) {
    if (report.sweeps().isEmpty()) {
      return;
    }
    m.element("h2", "Sweep");
    m.element("p", "One reclaim call over an inbox holding N leases that have all ended: wall time of that call "
        + "and the storage round trips it cost.", "class", "note");
    Table t = new Table("target", "leases", "reclaimed", "wall ms", "round trips", "new connections");
    BarChart time = new BarChart("Sweep wall time (ms)");
    BarChart trips = new BarChart("Sweep storage round trips");
    for (SweepFigure s : report.sweeps()) {
      String label = s.target().label();
      t.row(text(label), number(s.size(), Integer.toString(s.size())), number(s.reclaimed(), Integer.toString(s.reclaimed())),
          number(s.wallMs(), Formats.ms(s.wallMs())), number(s.store().roundTrips(), Long.toString(s.store().roundTrips())),
          number(s.store().connections(), Long.toString(s.store().connections())));
      time.bar(label, label, s.wallMs(), Formats.ms(s.wallMs()) + " ms", palette.colour(label));
      trips.bar(label, label, s.store().roundTrips(), Long.toString(s.store().roundTrips()), palette.colour(label));
    }
    t.write(m);
    m.open("div", "class", "charts").raw(time.svg()).raw(trips.svg()).close("div");
  }

  private static void throughput(Markup m, BenchReport report, Palette palette) {
    if (report.throughput().isEmpty()) {
      return;
    }
    m.element("h2", "Throughput");
    m.element("p", "Concurrent clients each repeat send, pull and ack on their own pair of agents for the whole "
        + "duration. Latency is per completed cycle. Heap and RSS are the benchmark JVM's after the run; the hub runs "
        + "in that JVM.", "class", "note");
    Table t = new Table("target", "clients", "cycles/s", "p50 ms", "p99 ms", "p99.9 ms", "errors", "round trips/cycle",
        "heap MiB", "RSS MiB");
    BarChart rate = new BarChart("Cycles per second");
    BarChart latency = new BarChart("Cycle latency: p50, p99, p99.9 (ms)");
    for (ThroughputFigure f : report.throughput()) {
      String label = f.target().label();
      Distribution d = f.latency();
      long rss = f.memory().rssBytes().orElse(-1);
      t.row(text(label), number(f.concurrency(), Integer.toString(f.concurrency())),
          number(f.cyclesPerSecond(), Formats.rate(f.cyclesPerSecond())), number(d.p50Ms(), Formats.ms(d.p50Ms())),
          number(d.p99Ms(), Formats.ms(d.p99Ms())), number(d.p999Ms(), Formats.ms(d.p999Ms())),
          number(f.errors(), Long.toString(f.errors())),
          number(f.roundTripsPerCycle(), Formats.count(Math.round(f.roundTripsPerCycle() * 100) / 100.0)),
          number(f.memory().heapUsedBytes(), Formats.mebibytes(f.memory().heapUsedBytes())),
          rss < 0 ? text("-") : number(rss, Formats.mebibytes(rss)));
      String colour = palette.colour(label);
      rate.bar(label, label, f.cyclesPerSecond(), Formats.rate(f.cyclesPerSecond()), colour);
      latency.bar(label + " p50", label, d.p50Ms(), Formats.ms(d.p50Ms()), colour);
      latency.bar(label + " p99", label, d.p99Ms(), Formats.ms(d.p99Ms()), colour);
      latency.bar(label + " p99.9", label, d.p999Ms(), Formats.ms(d.p999Ms()), colour);
    }
    t.write(m);
    m.open("div", "class", "charts").raw(rate.svg()).raw(latency.svg()).close("div");
  }

  /** A table cell: its text, and the exact figure when it shows one. */
  record Cell(String text, Optional<Double> value) {}

  static Cell text(String text) {
    return new Cell(text, Optional.empty());
  }

  static Cell number(double value, String shown) {
    return new Cell(shown, Optional.of(value));
  }

  /** An HTML table whose numeric cells carry {@code data-value} with the exact figure. */
  static final class Table {
    private final List<String> header;
    private final List<List<Cell>> rows = new ArrayList<>();

    Table(String... header) {
      this.header = List.of(header);
    }

    void row(Cell... cells) {
      rows.add(List.of(cells));
    }

    void write(Markup m) {
      m.open("table").open("thead").open("tr");
      header.forEach(h -> m.element("th", h));
      m.close("tr").close("thead").open("tbody").newline();
      for (List<Cell> row : rows) {
        m.open("tr");
        for (Cell c : row) {
          if (c.value().isPresent()) {
            m.element("td", c.text(), "class", "n", "data-value", Double.toString(c.value().get()));
          } else {
            m.element("td", c.text());
          }
        }
        m.close("tr").newline();
      }
      m.close("tbody").close("table").newline();
    }
  }
}
