package dev.admp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchSubcommandTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int admp(Path home, String... args) {
    return AdmpCommand.run(new CliContext(Map.of(), home), new PrintWriter(out), new PrintWriter(err), args);
  }

  @Test
  void benchOnMemoryPrintsTheTablesAndWritesTheReportFiles(@TempDir Path dir) {
    Path reports = dir.resolve("reports");
    int status = admp(dir, "bench", "--quick", "--backends", "memory", "--repeat", "1", "--sweep-size", "5",
        "--duration", "0.2", "--concurrency", "1", "--progress", "lines", "--out", reports.toString());
    assertThat(status).as(err.toString()).isZero();
    assertThat(out.toString()).contains("Flows:", "send-pull-ack", "Sweep:", "Throughput:");
    assertThat(err.toString()).contains("bench: [1/");
    assertThat(reports.resolve("bench.json")).isNotEmptyFile();
    assertThat(reports.resolve("bench.html")).isNotEmptyFile();
  }

  @Test
  void unknownBackendIsAnInputErrorNamingIt(@TempDir Path dir) {
    int status = admp(dir, "bench", "--backends", "memory,oracle", "--out", dir.toString());
    assertThat(status).isEqualTo(1);
    assertThat(err.toString()).contains("error: unknown backend oracle").contains("admp bench --help");
  }

  @Test
  void outOfRangeOptionIsAnInputErrorNamingTheOption(@TempDir Path dir) {
    int status = admp(dir, "bench", "--repeat", "0", "--out", dir.toString());
    assertThat(status).isEqualTo(1);
    assertThat(err.toString()).contains("error: --repeat must be 1-10000");
  }
}
