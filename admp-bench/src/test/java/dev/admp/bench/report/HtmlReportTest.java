package dev.admp.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

class HtmlReportTest {
  private final BenchReport report = SampleReports.report();
  private final String html = new HtmlReport().render(report);
  private final HtmlPage page = HtmlPage.parse(html);

  @Test
  void pageIsSelfContainedWithoutScriptsOrFetchedResources() {
    assertThat(page.select("//script")).isEmpty();
    assertThat(page.select("//link")).isEmpty();
    assertThat(page.select("//*[@src]")).isEmpty();
    assertThat(html.replace("http://www.w3.org/2000/svg", "")).doesNotContain("http");
  }

  @Test
  void flowBarsCarryEachTargetsMedian() {
    for (FlowFigure f : report.flows()) {
      assertThat(page.barValues(f.flow() + ": median wall time", f.target().label()))
          .containsExactly(f.time().medianMs());
    }
  }

  @Test
  void mechChartDrawsMeasuredMediansBesideBudgetTimesRtt() {
    List<Element> measured = page.select("//*[local-name()='svg'][*[local-name()='title']='send-pull-ack']"
        + "//*[local-name()='circle'][@data-series='measured']");
    List<Element> ideal = page.select("//*[local-name()='svg'][*[local-name()='title']='send-pull-ack']"
        + "//*[local-name()='circle'][@data-series='ideal']");
    assertThat(measured).extracting(e -> e.getAttribute("data-x") + "=" + e.getAttribute("data-y"))
        .containsExactly("0.0=6.0", "20.0=130.0");
    assertThat(ideal).extracting(e -> e.getAttribute("data-x") + "=" + e.getAttribute("data-y"))
        .containsExactly("0.0=0.0", "20.0=120.0");
    assertThat(page.select("//*[local-name()='polyline'][@data-series='ideal'][@stroke-dasharray='6 4']")).isNotEmpty();
  }

  @Test
  void throughputChartsCarryRateAndLatencyPercentiles() {
    for (ThroughputFigure t : report.throughput()) {
      String label = t.target().label();
      assertThat(page.barValues("Cycles per second", label)).containsExactly(t.cyclesPerSecond());
      assertThat(page.barValues("Cycle latency", label))
          .containsExactly(t.latency().p50Ms(), t.latency().p99Ms(), t.latency().p999Ms());
    }
  }

  @Test
  void sweepChartsCarryWallTimeAndRoundTrips() {
    for (SweepFigure s : report.sweeps()) {
      assertThat(page.barValues("Sweep wall time", s.target().label())).containsExactly(s.wallMs());
      assertThat(page.barValues("Sweep storage round trips", s.target().label()))
          .containsExactly((double) s.store().roundTrips());
    }
  }

  @Test
  void tablesShowRatiosAndRoundTripsWithExactValues() {
    List<Element> ratioCells = page.select("//tr[td[1]='send-pull-ack' and td[2]='sqlite']/td[9]");
    assertThat(ratioCells).singleElement().satisfies(td -> {
      assertThat(td.getTextContent()).isEqualTo("2.50");
      assertThat(td.getAttribute("data-value")).isEqualTo("2.5");
    });
    assertThat(page.select("//tr[td[1]='send-pull-ack' and td[2]='mech@20ms']/td[6]"))
        .singleElement().extracting(Element::getTextContent).isEqualTo("6");
  }

  @Test
  void textFromTheReportIsEscaped() {
    assertThat(html).contains("unknown &lt;recipient&gt; &amp; &quot;co&quot;");
    assertThat(html).doesNotContain("<recipient>", "<no binaries>");
    assertThat(page.text()).contains("unknown <recipient> & \"co\"", "embedded PostgreSQL did not start: <no binaries>");
  }

  @Test
  void environmentAndParametersAreShown() {
    assertThat(page.text()).contains("0123456789abcdef", "21.0.5", "2 cores", "memory, sqlite, mech");
  }
}
