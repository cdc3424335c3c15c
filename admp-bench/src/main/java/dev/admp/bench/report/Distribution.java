package dev.admp.bench.report;

import java.util.Arrays;

/**
 * Summary of a set of durations, in milliseconds. Percentiles use the nearest-rank method on the
 * sorted samples, so every figure is a time that was actually measured.
 */
public record Distribution(int count, double meanMs, double p50Ms, double p95Ms, double p99Ms, double p999Ms,
    double maxMs) {
  public static final Distribution EMPTY = new Distribution(0, 0, 0, 0, 0, 0, 0);
  private static final double NANOS_PER_MILLI = 1_000_000.0;

  public Distribution {
    if (count < 0) {
      throw new IllegalArgumentException("count must not be negative, was " + count);
    }
  }

  /** Summarises samples given in nanoseconds; the array is not modified. */
  public static Distribution ofNanos(long[] nanos) {
    if (nanos.length == 0) {
      return EMPTY;
    }
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    double sum = 0;
    for (long n : sorted) {
      sum += n;
    }
    return new Distribution(sorted.length, sum / sorted.length / NANOS_PER_MILLI,
        rank(sorted, 0.50), rank(sorted, 0.95), rank(sorted, 0.99), rank(sorted, 0.999),
        sorted[sorted.length - 1] / NANOS_PER_MILLI);
  }

  private static double rank(long[] sorted, double quantile) {
    int index = (int) Math.ceil(quantile * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / NANOS_PER_MILLI;
  }

  public double medianMs() {
    return p50Ms;
  }
}
