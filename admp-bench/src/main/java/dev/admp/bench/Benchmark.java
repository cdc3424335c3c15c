package dev.admp.bench;

import dev.admp.bench.backend.Backend;
import dev.admp.bench.backend.BenchHub;
import dev.admp.bench.backend.HubLauncher;
import dev.admp.bench.flow.FlowScenario;
import dev.admp.bench.flow.Flows;
import dev.admp.bench.progress.Progress;
import dev.admp.bench.report.BenchReport;
import dev.admp.bench.report.FlowFigure;
import dev.admp.bench.report.Notice;
import dev.admp.bench.report.Parameters;
import dev.admp.bench.report.StoreUse;
import dev.admp.bench.report.SweepFigure;
import dev.admp.bench.report.Target;
import dev.admp.bench.report.TargetSummary;
import dev.admp.bench.report.ThroughputFigure;
import dev.admp.bench.sweep.SweepScenario;
import dev.admp.bench.throughput.ThroughputScenario;
import java.io.PrintWriter;
import java.io.Writer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Runs the scenarios on every target, one hub at a time (memory first), and gathers the figures.
 * A backend or step that fails is named in the report's notices and the run goes on; once the time
 * limit has passed, the remaining steps are skipped the same way.
 */
final class Benchmark {
  private static final int WARM_UP_RUNS = 5;
  private static final Duration WARM_UP_LOAD = Duration.ofMillis(500);

  private final BenchOptions options;
  private final Progress progress;
  private final HubLauncher launcher = new HubLauncher();
  private final FlowScenario flows;
  private final SweepScenario sweep;
  private final ThroughputScenario throughput;
  private final List<TargetSummary> targets = new ArrayList<>();
  private final List<FlowFigure> flowFigures = new ArrayList<>();
  private final List<SweepFigure> sweepFigures = new ArrayList<>();
  private final List<ThroughputFigure> throughputFigures = new ArrayList<>();
  private final List<Notice> notices = new ArrayList<>();
  private long deadline;

  Benchmark(BenchOptions options, Progress progress) {
    this.options = options;
    this.progress = progress;
    this.flows = new FlowScenario(Flows.all(), options.repeat());
    this.sweep = new SweepScenario(options.sweepSize());
    this.throughput = new ThroughputScenario(options.concurrency(), options.duration());
  }

  BenchReport run(List<Backend> backends) {
    Instant startedAt = Instant.now();
    long start = System.nanoTime();
    deadline = start + options.timeLimit().toNanos();
    int stepsPerTarget = 1 + flows.steps() + 2;
    progress.start(1 + backends.stream().mapToInt(b -> b.targets(options.rttsMillis()).size()).sum() * stepsPerTarget);
    progress.step("warming up");
    warmUp();
    for (Backend backend : backends) {
      measure(backend, stepsPerTarget);
    }
    progress.finish();
    Parameters parameters = new Parameters(backends.stream().map(Backend::name).toList(), options.rttsMillis(),
        options.repeat(), options.sweepSize(), options.duration(), options.concurrency(), options.quick(),
        options.timeLimit());
    return new BenchReport(parameters,
        EnvironmentProbe.describe(startedAt, Duration.ofNanos(System.nanoTime() - start)),
        targets, flowFigures, sweepFigures, throughputFigures, notices);
  }

  /**
   * Runs the flows and a short load on a throwaway memory hub first. Without it the first target
   * measured (memory, the baseline of every ratio) would also pay for class loading and the JIT,
   * and come out slower than backends measured after it.
   */
  private void warmUp() {
    Target target = Target.local("memory");
    try (BenchHub hub = new BenchHub(target, launcher.launch(Map.of("STORAGE_BACKEND", "memory")), phase -> { },
        () -> { })) {
      new FlowScenario(Flows.all(), Math.min(options.repeat(), WARM_UP_RUNS)).run(hub,
          Progress.of(Progress.Style.NONE, new PrintWriter(Writer.nullWriter())), new ArrayList<>());
      new ThroughputScenario(options.concurrency(), WARM_UP_LOAD).run(hub);
    } catch (RuntimeException e) {
      notices.add(new Notice("warm-up", "failed (figures may include JIT warm-up): " + describe(e)));
    }
  }

  private void measure(Backend backend, int stepsPerTarget) {
    List<Target> backendTargets = backend.targets(options.rttsMillis());
    progress.step(backend.name() + ": starting");
    Backend.Session session;
    try {
      session = backend.open(launcher);
    } catch (RuntimeException e) {
      notices.add(new Notice(backend.name(), "not measured: " + describe(e)));
      skip(backendTargets.size() * stepsPerTarget - 1);
      return;
    }
    try (session) {
      boolean first = true;
      for (Target target : backendTargets) {
        if (!first) {
          progress.step(target.label() + ": starting");
        }
        first = false;
        measure(session, backend.storage(), target, stepsPerTarget);
      }
    } catch (RuntimeException e) {
      notices.add(new Notice(backend.name(), "did not shut down cleanly: " + describe(e)));
    }
  }

  private void measure(Backend.Session session, String storage, Target target, int stepsPerTarget) {
    if (pastDeadline(target.label())) {
      skip(stepsPerTarget - 1);
      return;
    }
    long start = System.nanoTime();
    BenchHub hub;
    try {
      hub = session.start(target);
    } catch (RuntimeException e) {
      notices.add(new Notice(target.label(), "not measured: the hub did not start: " + describe(e)));
      skip(stepsPerTarget - 1);
      return;
    }
    double startMs = (System.nanoTime() - start) / 1_000_000.0;
    try (hub) {
      StoreUse before = hub.counters();
      // The sweep's leases take a second to end; the flows run meanwhile.
      List<SweepScenario.Prepared> sweepReady = new ArrayList<>(1);
      attempt(target, "sweep", () -> sweepReady.add(sweep.prepare(hub)), -1);
      attempt(target, "flows", () -> flowFigures.addAll(flows.run(hub, progress, notices)), flows.steps());
      if (sweepReady.isEmpty()) {
        skip(1);
      } else {
        attempt(target, "sweep", () -> sweepFigures.add(step(target, "sweep", () -> sweepReady.get(0).measure())), 0);
      }
      attempt(target, "throughput", () -> throughputFigures.add(step(target, "throughput", () -> throughput.run(hub))), 0);
      targets.add(new TargetSummary(target, storage, startMs, hub.since(before)));
    } catch (RuntimeException e) {
      notices.add(new Notice(target.label(), "the hub did not shut down cleanly: " + describe(e)));
    }
  }

  private <T> T step(Target target, String scenario, Supplier<T> run) {
    progress.step(target.label() + " " + scenario);
    return run.get();
  }

  /**
   * Runs one scenario unless the time is up; a failure becomes a notice. {@code steps} is what
   * to skip on the progress display when it does not run: 0 for a scenario that announces its own
   * step, -1 for preparation, which has no step of its own.
   */
  private void attempt(Target target, String scenario, Runnable run, int steps) {
    if (pastDeadline(target.label() + " " + scenario)) {
      skip(steps < 0 ? 0 : Math.max(1, steps));
      return;
    }
    try {
      run.run();
    } catch (RuntimeException e) {
      notices.add(new Notice(target.label() + " " + scenario, "failed: " + describe(e)));
    }
  }

  private boolean pastDeadline(String what) {
    if (System.nanoTime() - deadline < 0) {
      return false;
    }
    notices.add(new Notice(what, "skipped: the time limit of " + options.timeLimit().toSeconds() + " s was reached"));
    return true;
  }

  private void skip(int steps) {
    for (int i = 0; i < steps; i++) {
      progress.step("skipped");
    }
  }

  static String describe(RuntimeException e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return message.length() > 300 ? message.substring(0, 300) + "…" : message;
  }
}
