package dev.admp.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DistributionTest {

  @Test
  void percentilesAreNearestRankOfMeasuredSamples() {
    long[] nanos = new long[100];
    for (int i = 0; i < nanos.length; i++) {
      nanos[i] = (100 - i) * 1_000_000L; // 100 ms down to 1 ms, unsorted on purpose
    }
    Distribution d = Distribution.ofNanos(nanos);
    assertThat(d.count()).isEqualTo(100);
    assertThat(d.p50Ms()).isEqualTo(50.0);
    assertThat(d.p95Ms()).isEqualTo(95.0);
    assertThat(d.p99Ms()).isEqualTo(99.0);
    assertThat(d.p999Ms()).isEqualTo(100.0);
    assertThat(d.maxMs()).isEqualTo(100.0);
    assertThat(d.meanMs()).isEqualTo(50.5);
  }

  @Test
  void aSingleSampleIsEveryPercentile() {
    Distribution d = Distribution.ofNanos(new long[] {2_500_000});
    assertThat(d.p50Ms()).isEqualTo(2.5);
    assertThat(d.p95Ms()).isEqualTo(2.5);
    assertThat(d.p999Ms()).isEqualTo(2.5);
  }

  @Test
  void noSamplesGiveTheEmptyDistribution() {
    assertThat(Distribution.ofNanos(new long[0])).isEqualTo(Distribution.EMPTY);
  }
}
