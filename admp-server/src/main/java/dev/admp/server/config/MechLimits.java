package dev.admp.server.config;

import java.time.Duration;
import java.util.Objects;

/**
 * How the {@code mech} backend bounds its work and its failures ({@code MECH_*} beyond the
 * connection settings). Ranges are checked where the environment is read.
 *
 * @param maxConcurrentCalls calls in flight at once, which also bounds open connections
 *     ({@code MECH_MAX_CONCURRENT_CALLS})
 * @param agentCacheSize agents kept in memory ({@code MECH_AGENT_CACHE_SIZE})
 * @param ownerTtl how long the hub's claim on the app lasts without a heartbeat ({@code MECH_OWNER_TTL_MS})
 * @param retryAttempts attempts per call, the first included ({@code MECH_RETRY_ATTEMPTS})
 * @param retryBackoff wait before the first retry, doubled each time ({@code MECH_RETRY_BACKOFF_MS})
 * @param circuitFailureRate percentage of failed calls that opens the circuit ({@code MECH_CIRCUIT_FAILURE_RATE})
 * @param circuitWindow calls the failure rate is computed over ({@code MECH_CIRCUIT_WINDOW})
 * @param circuitOpenFor how long an open circuit answers 503 at once ({@code MECH_CIRCUIT_OPEN_MS})
 */
public record MechLimits(int maxConcurrentCalls, int agentCacheSize, Duration ownerTtl, int retryAttempts,
    Duration retryBackoff, int circuitFailureRate, int circuitWindow, Duration circuitOpenFor) {

  public MechLimits {
    Objects.requireNonNull(ownerTtl, "ownerTtl");
    Objects.requireNonNull(retryBackoff, "retryBackoff");
    Objects.requireNonNull(circuitOpenFor, "circuitOpenFor");
  }

  String describe() {
    return "max_concurrent_calls=" + maxConcurrentCalls + ", agent_cache_size=" + agentCacheSize
        + ", owner_ttl_ms=" + ownerTtl.toMillis() + ", retry_attempts=" + retryAttempts
        + ", retry_backoff_ms=" + retryBackoff.toMillis() + ", circuit_failure_rate=" + circuitFailureRate
        + ", circuit_window=" + circuitWindow + ", circuit_open_ms=" + circuitOpenFor.toMillis();
  }
}
