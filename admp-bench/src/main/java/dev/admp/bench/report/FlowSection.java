package dev.admp.bench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/** The flows part of the page: the table, time per target, and time against RTT for remote backends. */
final class FlowSection {
  private final BenchReport report;
  private final Palette palette;

  FlowSection(BenchReport report, Palette palette) {
    this.report = report;
    this.palette = palette;
  }

  void write(Markup m) {
    if (report.flows().isEmpty()) {
      return;
    }
    m.element("h2", "Conformance flows");
    m.element("p", "Each flow runs " + report.parameters().repeat() + " times per target, each run on fresh agents. "
        + "Times are wall time per run as a client sees it (time waiting for a lease to end is not counted); round "
        + "trips and new connections are per run; the budget is what the design allows on a warm hub; x memory is "
        + "the ratio of medians to the memory backend in this same run.", "class", "note");
    table(m);
    m.open("div", "class", "charts");
    for (String flow : report.flowNames()) {
      BarChart chart = new BarChart(flow + ": median wall time (ms)");
      for (Target target : report.flowTargets()) {
        report.flow(target, flow).ifPresent(f -> chart.bar(target.label(), target.label(), f.time().medianMs(),
            Formats.ms(f.time().medianMs()) + " ms (p95 " + Formats.ms(f.time().p95Ms()) + ")",
            palette.colour(target.label())));
      }
      m.raw(chart.svg());
    }
    m.close("div").newline();
    againstRtt(m);
  }

  private void table(Markup m) {
    HtmlReport.Table t = new HtmlReport.Table("flow", "target", "runs", "median ms", "p95 ms", "round trips/run",
        "budget", "new connections/run", "x memory", "failed runs");
    for (String flow : report.flowNames()) {
      for (Target target : report.flowTargets()) {
        report.flow(target, flow).ifPresent(f -> {
          OptionalDouble ratio = f.ratioToMemory();
          t.row(HtmlReport.text(flow), HtmlReport.text(target.label()), HtmlReport.number(f.runs(), Integer.toString(f.runs())),
              HtmlReport.number(f.time().medianMs(), Formats.ms(f.time().medianMs())),
              HtmlReport.number(f.time().p95Ms(), Formats.ms(f.time().p95Ms())),
              HtmlReport.number(f.roundTripsPerRun(), Formats.count(f.roundTripsPerRun())),
              HtmlReport.number(f.budget(), Integer.toString(f.budget())),
              HtmlReport.number(f.connectionsPerRun(), Formats.count(f.connectionsPerRun())),
              ratio.isPresent() ? HtmlReport.number(ratio.getAsDouble(), Formats.ratio(ratio)) : HtmlReport.text("-"),
              HtmlReport.number(f.failures(), Integer.toString(f.failures())));
        });
      }
    }
    t.write(m);
  }

  /** For each backend measured at several RTTs: median per flow against RTT, beside budget x RTT. */
  private void againstRtt(Markup m) {
    List<String> remote = report.flowTargets().stream().filter(t -> t.rttMillis().isPresent())
        .map(Target::backend).distinct().toList();
    for (String backend : remote) {
      m.element("h2", backend + ": flow time against storage round-trip time");
      m.element("p", "Solid: measured median. Dashed: the ideal, the flow's budgeted storage round trips times the "
          + "RTT that the latency proxy adds between the hub and " + backend + ".", "class", "note");
      m.open("div", "class", "charts");
      for (String flow : report.flowNames()) {
        List<LineChart.Point> measured = new ArrayList<>();
        List<LineChart.Point> ideal = new ArrayList<>();
        for (Target target : report.flowTargets()) {
          if (!target.backend().equals(backend) || target.rttMillis().isEmpty()) {
            continue;
          }
          int rtt = target.rttMillis().getAsInt();
          report.flow(target, flow).ifPresent(f -> {
            measured.add(new LineChart.Point(rtt, f.time().medianMs()));
            ideal.add(new LineChart.Point(rtt, (double) f.budget() * rtt));
          });
        }
        if (measured.isEmpty()) {
          continue;
        }
        m.raw(new LineChart(flow, "RTT (ms)", "ms")
            .series("measured", palette.colour(backend + " measured"), LineChart.Stroke.SOLID, measured)
            .series("ideal", "#888888", LineChart.Stroke.DASHED, ideal)
            .svg());
      }
      m.close("div").newline();
    }
  }
}
