package dev.admp.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TerminalTableTest {
  private final String text = new TerminalTable().render(SampleReports.report());

  @Test
  void flowRowsShowMedianRoundTripsAndRatio() {
    assertThat(text).containsPattern("send-pull-ack\\s+memory\\s+3\\s+2\\.00\\s+3\\.00\\s+0\\s+6\\s+0\\s+1\\.00\\s+0");
    assertThat(text).containsPattern("\\n\\s+sqlite\\s+3\\s+5\\.00\\s+7\\.50\\s+6\\s+6\\s+0\\s+2\\.50\\s+0");
    assertThat(text).containsPattern("mech@20ms\\s+3\\s+130\\s+195\\s+6\\s+6\\s+0\\s+65\\.00");
  }

  @Test
  void sweepAndThroughputRowsAreShown() {
    assertThat(text).containsPattern("sqlite\\s+100\\s+100\\s+4\\.00\\s+1\\s+0");
    assertThat(text).containsPattern("memory\\s+2\\s+500\\s+2\\.00\\s+4\\.00\\s+4\\.00\\s+0\\s+0\\s+100\\.0\\s+300\\.0");
    assertThat(text).containsPattern("sqlite\\s+2\\s+250\\s+4\\.00\\s+8\\.00\\s+8\\.00\\s+1\\s+3\\s+0\\.0\\s+-");
  }

  @Test
  void noticesNameTheBackendAndReason() {
    assertThat(text).contains("note: postgres: embedded PostgreSQL did not start: <no binaries>");
  }
}
