package dev.admp.bench.throughput;

import static org.assertj.core.api.Assertions.assertThat;

import dev.admp.bench.report.HubMemory;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProcessMemoryTest {

  @Test
  void readsKibibyteLinesOfProcStatusAsBytes() {
    List<String> status = List.of("Name:\tjava", "VmHWM:\t  204800 kB", "VmRSS:\t  102400 kB");
    assertThat(ProcessMemory.kibibytes(status, "VmRSS:")).hasValue(102400L * 1024);
    assertThat(ProcessMemory.kibibytes(status, "VmHWM:")).hasValue(204800L * 1024);
    assertThat(ProcessMemory.kibibytes(status, "VmSwap:")).isEmpty();
  }

  @Test
  void sampleReportsThisJvmsHeapAndOnLinuxItsRss() {
    HubMemory memory = ProcessMemory.sample();
    assertThat(memory.heapUsedBytes()).isPositive();
    assertThat(memory.heapCommittedBytes()).isGreaterThanOrEqualTo(memory.heapUsedBytes());
    if (System.getProperty("os.name").startsWith("Linux")) {
      assertThat(memory.rssBytes()).isPresent();
      assertThat(memory.rssBytes().getAsLong()).isGreaterThan(memory.heapUsedBytes() / 4);
      assertThat(memory.rssPeakBytes().getAsLong()).isGreaterThanOrEqualTo(memory.rssBytes().getAsLong());
    }
  }
}
