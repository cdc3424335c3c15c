package dev.admp.bench.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.admp.bench.report.Target;
import java.util.List;
import org.junit.jupiter.api.Test;

class BackendsTest {

  @Test
  void allBackendsAreMeasuredMemoryFirst() {
    assertThat(Backends.names()).containsExactly("memory", "sqlite", "postgres", "mech", "mech-close");
    assertThat(Backends.named(List.of())).extracting(Backend::name).containsExactlyElementsOf(Backends.names());
  }

  @Test
  void chosenBackendsKeepTheMeasuringOrder() {
    assertThat(Backends.named(List.of("mech-close", "mech", "memory"))).extracting(Backend::name)
        .containsExactly("memory", "mech", "mech-close");
  }

  @Test
  void mechVariantsRunTheMechStore() {
    assertThat(Backends.named(List.of("mech", "mech-close"))).extracting(Backend::storage)
        .containsExactly("mech", "mech");
    assertThat(Backends.named(List.of("memory"))).extracting(Backend::storage).containsExactly("memory");
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
    assertThat(MechBackend.keepAlive().targets(rtts)).extracting(Target::label)
        .containsExactly("mech@0ms", "mech@20ms", "mech@100ms");
    assertThat(MechBackend.closing().targets(rtts)).extracting(Target::label)
        .containsExactly("mech-close@0ms", "mech-close@20ms", "mech-close@100ms");
    assertThat(new SqliteBackend().targets(rtts)).extracting(Target::label).containsExactly("sqlite");
  }
}
