package dev.admp.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BenchReportTest {

  @Test
  void ratioToMemoryIsTheBackendMedianOverMemoryMedianOfTheSameFlow() {
    BenchReport report = SampleReports.report();
    assertThat(report.flow(SampleReports.SQLITE, "send-pull-ack").orElseThrow().ratioToMemory()).hasValue(2.5);
    assertThat(report.flow(SampleReports.MECH_20, "send-pull-ack").orElseThrow().ratioToMemory()).hasValue(65.0);
    assertThat(report.flow(SampleReports.MEMORY, "send-pull-ack").orElseThrow().ratioToMemory()).hasValue(1.0);
  }

  @Test
  void ratioIsAbsentWithoutAMemoryFigureForThatFlow() {
    BenchReport sample = SampleReports.report();
    BenchReport withoutMemory = new BenchReport(sample.parameters(), sample.environment(), sample.targets(),
        sample.flows().stream().filter(f -> !f.target().isMemory()).toList(), sample.sweeps(), sample.throughput(),
        sample.notices());
    assertThat(withoutMemory.flows()).allSatisfy(f -> assertThat(f.ratioToMemory()).isEmpty());
  }

  @Test
  void flowNamesAndTargetsKeepTheirRunOrder() {
    BenchReport report = SampleReports.report();
    assertThat(report.flowNames()).containsExactly("send-pull-ack", "unknown <recipient> & \"co\"");
    assertThat(report.flowTargets()).containsExactly(SampleReports.MEMORY, SampleReports.SQLITE,
        SampleReports.MECH_0, SampleReports.MECH_20);
  }
}
