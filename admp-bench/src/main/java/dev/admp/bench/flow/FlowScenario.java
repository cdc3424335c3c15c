package dev.admp.bench.flow;

import dev.admp.bench.backend.BenchHub;
import dev.admp.bench.backend.Phase;
import dev.admp.bench.progress.Progress;
import dev.admp.bench.report.Distribution;
import dev.admp.bench.report.FlowFigure;
import dev.admp.bench.report.Notice;
import dev.admp.bench.report.StoreUse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The {@code flows} scenario: each flow {@code repeat} times on one hub, after one untimed warm-up
 * run. Runs are prepared without injected latency, then stepped in turn: every run's first step,
 * a wait until the earliest moment the next steps may start (a lease ending), the second steps, …
 * Each step is timed and its storage work read from the store's counters around it.
 */
public final class FlowScenario {
  private final List<Flow> flows;
  private final int repeat;

  public FlowScenario(List<Flow> flows, int repeat) {
    if (repeat < 1) {
      throw new IllegalArgumentException("repeat must be at least 1, was " + repeat);
    }
    this.flows = List.copyOf(flows);
    this.repeat = repeat;
  }

  public int steps() {
    return flows.size();
  }

  /** Runs every flow; failures are counted in the figures and described in {@code notices}. */
  public List<FlowFigure> run(BenchHub hub, Progress progress, List<Notice> notices) {
    List<FlowFigure> figures = new ArrayList<>();
    for (Flow flow : flows) {
      progress.step(hub.target().label() + " flow " + flow.name());
      figures.add(run(hub, flow, notices));
    }
    return figures;
  }

  private FlowFigure run(BenchHub hub, Flow flow, List<Notice> notices) {
    int total = repeat + 1; // run 0 warms the hub up and is not reported
    Run[] runs = new Run[total];
    hub.phase(Phase.SETUP);
    for (int i = 0; i < total; i++) {
      runs[i] = prepare(hub, flow);
    }
    hub.phase(Phase.MEASURE);
    boolean pending = true;
    while (pending) {
      pending = false;
      for (Run run : runs) {
        if (run.active()) {
          run.step(hub);
          pending |= run.active();
        }
      }
    }
    return figure(hub, flow, Arrays.copyOfRange(runs, 1, total), notices);
  }

  private static Run prepare(BenchHub hub, Flow flow) {
    try {
      return new Run(flow.prepare(hub), Optional.empty());
    } catch (RuntimeException e) {
      return new Run(null, Optional.of("preparing: " + describe(e)));
    }
  }

  private static FlowFigure figure(BenchHub hub, Flow flow, Run[] measured, List<Notice> notices) {
    long[] nanos = Arrays.stream(measured).filter(r -> r.failure.isEmpty()).mapToLong(r -> r.nanos).toArray();
    StoreUse use = Arrays.stream(measured).filter(r -> r.failure.isEmpty()).map(r -> r.use)
        .reduce(StoreUse.NONE, StoreUse::plus);
    List<String> failures = Arrays.stream(measured).flatMap(r -> r.failure.stream()).toList();
    if (!failures.isEmpty()) {
      notices.add(new Notice(hub.target().label() + " " + flow.name(),
          failures.size() + " of " + measured.length + " runs failed; first: " + failures.get(0)));
    }
    return new FlowFigure(hub.target(), flow.name(), flow.budget(), Distribution.ofNanos(nanos), use,
        failures.size(), OptionalDouble.empty());
  }

  static String describe(RuntimeException e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return message.length() > 300 ? message.substring(0, 300) + "…" : message;
  }

  /** One run's progress: its time and storage work so far, when its next step may start. */
  private static final class Run {
    private final FlowRun run;
    private Optional<String> failure;
    private Optional<Instant> readyAt = Optional.empty();
    private boolean done;
    private long nanos;
    private StoreUse use = StoreUse.NONE;

    Run(FlowRun run, Optional<String> failure) {
      this.run = run;
      this.failure = failure;
    }

    boolean active() {
      return !done && failure.isEmpty();
    }

    void step(BenchHub hub) {
      waitUntilReady();
      StoreUse before = hub.counters();
      long start = System.nanoTime();
      try {
        readyAt = run.step();
        done = readyAt.isEmpty();
      } catch (RuntimeException e) {
        failure = Optional.of(describe(e));
      } finally {
        nanos += System.nanoTime() - start;
        use = use.plus(hub.since(before));
      }
    }

    /** The only wait in a flow: until a lease has ended; it is not part of the run's time. */
    private void waitUntilReady() {
      if (readyAt.isEmpty()) {
        return;
      }
      Duration wait = Duration.between(Instant.now(), readyAt.get());
      if (wait.isPositive()) {
        try {
          Thread.sleep(wait);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while waiting for a lease to end", e);
        }
      }
    }
  }
}
