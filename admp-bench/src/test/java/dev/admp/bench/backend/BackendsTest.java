package dev.admp.bench.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.admp.bench.report.Target;
import java.util.List;
import org.junit.jupiter.api.Test;

class BackendsTest {

  @Test
  void allBackendsAreMeasuredMemoryFirst() {
    assertThat(Backends.names()).containsExactly("memory", "sqlite", "postgres", "mech");
    assertThat(Backends.named(List.of())).extracting(Backend::name).containsExactlyElementsOf(Backends.names());
  }

  @Test
  void chosenBackendsKeepTheMeasuringOrder() {
    assertThat(Backends.named(List.of("mech", "memory"))).extracting(Backend::name).containsExactly("memory", "mech");
  }

  @Test
  void unknownBackendIsRefusedByName() {
    assertThatThrownBy(() -> Backends.named(List.of("sqlite", "oracle")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown backend oracle");
  }

  @Test
  void mechIsOneTargetPerRttAndLocalBackendsOneEach() {
    List<Integer> rtts = List.of(0, 20, 100);
    assertThat(new MechBackend().targets(rtts)).extracting(Target::label)
        .containsExactly("mech@0ms", "mech@20ms", "mech@100ms");
    assertThat(new SqliteBackend().targets(rtts)).extracting(Target::label).containsExactly("sqlite");
  }
}
