package dev.admp.bench.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ProgressTest {
  private final StringWriter text = new StringWriter();
  private final PrintWriter err = new PrintWriter(text);

  @Test
  void linesStyleWritesOnePlainLinePerStep() {
    Progress progress = Progress.of(Progress.Style.LINES, err);
    progress.start(2);
    progress.step("memory flow send-pull-ack");
    progress.step("memory sweep");
    progress.finish();
    String[] lines = text.toString().split("\n");
    assertThat(lines).hasSize(3);
    assertThat(lines[0]).matches("bench: \\[1/2\\] \\d+s memory flow send-pull-ack");
    assertThat(lines[1]).matches("bench: \\[2/2\\] \\d+s memory sweep");
    assertThat(lines[2]).startsWith("bench: done in ");
    assertThat(text.toString()).doesNotContain("\r", "\u001b");
  }

  @Test
  void barStyleRedrawsOneLineAndFillsUp() {
    Progress progress = Progress.of(Progress.Style.BAR, err);
    progress.start(4);
    progress.step("a");
    progress.step("b");
    progress.step("c");
    assertThat(text.toString()).contains("\r[" + "#".repeat(15) + ".".repeat(15) + "] 2/4 ");
    progress.finish();
    assertThat(text.toString()).contains("\r[" + "#".repeat(30) + "] 4/4 ").endsWith("\n");
    assertThat(text.toString().indexOf('\n')).as("one line, ended once").isEqualTo(text.toString().length() - 1);
  }

  @Test
  void noneStyleWritesNothing() {
    Progress progress = Progress.of(Progress.Style.NONE, err);
    progress.start(1);
    progress.step("a");
    progress.finish();
    assertThat(text.toString()).isEmpty();
  }
}
