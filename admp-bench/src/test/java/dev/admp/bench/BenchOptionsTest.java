package dev.admp.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchOptionsTest {

  @Test
  void defaultsAreTheFullRunOverEveryBackend() {
    BenchOptions d = BenchOptions.defaults();
    assertThat(d.backends()).isEmpty();
    assertThat(d.rttsMillis()).containsExactly(0, 20, 100);
    assertThat(d.sweepSize()).isEqualTo(1000);
    assertThat(d.quick()).isFalse();
    assertThat(d.outDir().toString()).isEqualTo("bench-out");
  }

  @Test
  void quickDefaultsAreSmallerAndMarkedQuick() {
    BenchOptions q = BenchOptions.quickDefaults();
    assertThat(q.quick()).isTrue();
    assertThat(q.repeat()).isLessThan(BenchOptions.defaults().repeat());
    assertThat(q.duration()).isLessThan(BenchOptions.defaults().duration());
  }

  @Test
  void outOfRangeValuesAreRefusedNamingTheOption() {
    BenchOptions d = BenchOptions.defaults();
    assertThatThrownBy(() -> d.withRepeat(0)).hasMessageContaining("--repeat");
    assertThatThrownBy(() -> d.withRttsMillis(List.of(-1))).hasMessageContaining("--rtt");
    assertThatThrownBy(() -> d.withRttsMillis(List.of())).hasMessageContaining("--rtt");
    assertThatThrownBy(() -> d.withConcurrency(0)).hasMessageContaining("--concurrency");
    assertThatThrownBy(() -> d.withSweepSize(0)).hasMessageContaining("--sweep-size");
    assertThatThrownBy(() -> d.withDuration(Duration.ZERO)).hasMessageContaining("--duration");
  }
}
