package dev.admp.testkit.mech;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How the emulator misbehaves, swapped atomically at run time with {@link MechEmulator#faults(Faults)}.
 * Rates are probabilities in [0, 1], drawn per API request from the emulator's seeded random source,
 * so a run with the same seed and request sequence fails the same requests.
 *
 * @param latency added before every API request is answered
 * @param unavailableRate share of API requests answered {@code 503}
 * @param resetRate share of API requests whose connection is reset (RST) instead of answered
 * @param hangRate share of API requests never answered
 * @param lostReplyRate share of API requests carried out whose connection is then reset instead of
 *     answered: the client cannot tell whether its write landed
 * @param connections whether each connection is closed after one response
 * @param keepAliveTimeout when present, every response carries {@code Keep-Alive: timeout=N} and the
 *     server closes a connection idle for that long
 */
public record Faults(
    Duration latency,
    double unavailableRate,
    double resetRate,
    double hangRate,
    double lostReplyRate,
    ConnectionPolicy connections,
    Optional<Duration> keepAliveTimeout) {

  /** Whether a connection survives its first response. */
  public enum ConnectionPolicy {
    KEEP_ALIVE,
    /** Every response carries {@code Connection: close} and the connection is closed after it. */
    CLOSE_AFTER_RESPONSE
  }

  public static final Faults NONE =
      new Faults(Duration.ZERO, 0, 0, 0, 0, ConnectionPolicy.KEEP_ALIVE, Optional.empty());

  public Faults {
    Objects.requireNonNull(latency, "latency");
    Objects.requireNonNull(connections, "connections");
    Objects.requireNonNull(keepAliveTimeout, "keepAliveTimeout");
    if (latency.isNegative()) {
      throw new IllegalArgumentException("latency must not be negative");
    }
    requireRate("unavailableRate", unavailableRate);
    requireRate("resetRate", resetRate);
    requireRate("hangRate", hangRate);
    requireRate("lostReplyRate", lostReplyRate);
    keepAliveTimeout.ifPresent(t -> {
      if (t.toSeconds() < 1) {
        throw new IllegalArgumentException("keep-alive timeout must be at least 1 s");
      }
    });
  }

  private static void requireRate(String name, double rate) {
    if (!(rate >= 0 && rate <= 1)) {
      throw new IllegalArgumentException(name + " must be in [0, 1], was " + rate);
    }
  }

  public Faults withLatency(Duration d) {
    return new Faults(d, unavailableRate, resetRate, hangRate, lostReplyRate, connections, keepAliveTimeout);
  }

  public Faults withUnavailableRate(double rate) {
    return new Faults(latency, rate, resetRate, hangRate, lostReplyRate, connections, keepAliveTimeout);
  }

  public Faults withResetRate(double rate) {
    return new Faults(latency, unavailableRate, rate, hangRate, lostReplyRate, connections, keepAliveTimeout);
  }

  public Faults withHangRate(double rate) {
    return new Faults(latency, unavailableRate, resetRate, rate, lostReplyRate, connections, keepAliveTimeout);
  }

  public Faults withLostReplyRate(double rate) {
    return new Faults(latency, unavailableRate, resetRate, hangRate, rate, connections, keepAliveTimeout);
  }

  public Faults withConnections(ConnectionPolicy policy) {
    return new Faults(latency, unavailableRate, resetRate, hangRate, lostReplyRate, policy, keepAliveTimeout);
  }

  public Faults withKeepAliveTimeout(Duration timeout) {
    return new Faults(latency, unavailableRate, resetRate, hangRate, lostReplyRate, connections, Optional.of(timeout));
  }

  public Faults withoutKeepAliveTimeout() {
    return new Faults(latency, unavailableRate, resetRate, hangRate, lostReplyRate, connections, Optional.empty());
  }
}
