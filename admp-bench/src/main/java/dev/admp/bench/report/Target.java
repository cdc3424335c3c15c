package dev.admp.bench.report;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * One hub the benchmark measures: a storage backend, and for a remote backend the round-trip
 * time the latency proxy injects between the hub and its storage.
 */
public record Target(String backend, OptionalInt rttMillis) {
  public Target {
    Objects.requireNonNull(backend, "backend");
    Objects.requireNonNull(rttMillis, "rttMillis");
    if (rttMillis.isPresent() && rttMillis.getAsInt() < 0) {
      throw new IllegalArgumentException("rttMillis must not be negative, was " + rttMillis.getAsInt());
    }
  }

  /** A backend reached without an injected delay (memory, sqlite, postgres on loopback). */
  public static Target local(String backend) {
    return new Target(backend, OptionalInt.empty());
  }

  public static Target remote(String backend, int rttMillis) {
    return new Target(backend, OptionalInt.of(rttMillis));
  }

  /** {@code sqlite}, {@code mech@20ms}. */
  public String label() {
    return rttMillis.isPresent() ? backend + "@" + rttMillis.getAsInt() + "ms" : backend;
  }

  public boolean isMemory() {
    return "memory".equals(backend);
  }

  @Override
  public String toString() {
    return label();
  }
}
