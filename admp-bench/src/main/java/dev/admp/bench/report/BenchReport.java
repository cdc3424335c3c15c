package dev.admp.bench.report;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Collectors;

/** Every figure of one benchmark run. */
public record BenchReport(Parameters parameters, Environment environment, List<TargetSummary> targets,
    List<FlowFigure> flows, List<SweepFigure> sweeps, List<ThroughputFigure> throughput, List<Notice> notices) {
  public BenchReport {
    Objects.requireNonNull(parameters, "parameters");
    Objects.requireNonNull(environment, "environment");
    targets = List.copyOf(targets);
    flows = withRatios(flows);
    sweeps = List.copyOf(sweeps);
    throughput = List.copyOf(throughput);
    notices = List.copyOf(notices);
  }

  /** Ratios are derived here, from memory's figures in this same report, so they cannot disagree. */
  private static List<FlowFigure> withRatios(List<FlowFigure> flows) {
    List<FlowFigure> result = new ArrayList<>(flows.size());
    for (FlowFigure f : flows) {
      OptionalDouble ratio = flows.stream()
          .filter(m -> m.target().isMemory() && m.flow().equals(f.flow()) && m.time().medianMs() > 0)
          .mapToDouble(m -> f.time().medianMs() / m.time().medianMs())
          .findFirst();
      result.add(f.withRatioToMemory(ratio));
    }
    return List.copyOf(result);
  }

  /** Flow names in the order they were run. */
  public List<String> flowNames() {
    return List.copyOf(flows.stream().map(FlowFigure::flow).collect(Collectors.toCollection(LinkedHashSet::new)));
  }

  /** Targets that have flow figures, in the order they were run. */
  public List<Target> flowTargets() {
    return List.copyOf(flows.stream().map(FlowFigure::target).collect(Collectors.toCollection(LinkedHashSet::new)));
  }

  public Optional<FlowFigure> flow(Target target, String flow) {
    return flows.stream().filter(f -> f.target().equals(target) && f.flow().equals(flow)).findFirst();
  }
}
