package dev.admp.bench.report;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/** What the benchmark was asked to do, as recorded in the report. */
public record Parameters(List<String> backends, List<Integer> rttsMillis, int repeat, int sweepSize,
    Duration duration, int concurrency, boolean quick, Duration timeLimit) {
  public Parameters {
    backends = List.copyOf(backends);
    rttsMillis = List.copyOf(rttsMillis);
    Objects.requireNonNull(duration, "duration");
    Objects.requireNonNull(timeLimit, "timeLimit");
  }
}
