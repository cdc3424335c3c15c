package dev.admp.bench;

import dev.admp.bench.backend.Backend;
import dev.admp.bench.backend.Backends;
import dev.admp.bench.progress.Progress;
import dev.admp.bench.report.BenchReport;
import dev.admp.bench.report.HtmlReport;
import dev.admp.bench.report.ReportJson;
import dev.admp.bench.report.TerminalTable;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * {@code admp bench}: measures the hub on every chosen backend side by side. It starts its own
 * hubs in this JVM, drives them through the Java SDK over HTTP, prints the tables on {@code out}
 * (progress goes to {@code err}) and writes {@code bench.json} and {@code bench.html} into the
 * output directory. The CLI and the tests call {@link #run(BenchOptions)} alike.
 */
public final class BenchCommand {
  public static final String JSON_FILE = "bench.json";
  public static final String HTML_FILE = "bench.html";

  private final PrintWriter out;
  private final PrintWriter err;

  public BenchCommand(PrintWriter out, PrintWriter err) {
    this.out = Objects.requireNonNull(out, "out");
    this.err = Objects.requireNonNull(err, "err");
  }

  /**
   * Runs the benchmark and writes its files.
   *
   * @throws IllegalArgumentException when a backend name is unknown
   * @throws UncheckedIOException when the output directory cannot be written
   */
  public BenchReport run(BenchOptions options) {
    List<Backend> backends = Backends.named(options.backends());
    Path dir = options.outDir();
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the output directory " + dir, e);
    }
    BenchReport report = new Benchmark(options, Progress.of(options.progress(), err)).run(backends);
    Path json = dir.resolve(JSON_FILE);
    Path html = dir.resolve(HTML_FILE);
    new ReportJson().write(report, json);
    new HtmlReport().write(report, html);
    out.print(new TerminalTable().render(report));
    out.println("wrote " + json + " and " + html);
    out.flush();
    return report;
  }
}
