package dev.admp.store.mech;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Everything {@link MechStore} needs; built once from {@code MECH_*} by the server.
 *
 * @param baseUrl e.g. {@code https://storage.mechdna.net}; the API lives under {@code /api/apps/{appId}}
 * @param appId the Mech app this hub owns
 * @param apiKey sent as {@code X-API-Key}; never logged, redacted by {@link #toString()}
 * @param capabilities the extensions the server has ({@code MECH_CAPABILITIES})
 * @param caFile a PEM file of CA certificates to trust besides the JDK's ({@code MECH_CA_FILE})
 * @param connectTimeout TCP + TLS set-up limit
 * @param requestTimeout limit for one request, from sending to the full answer
 * @param maxConcurrentCalls bulkhead: calls in flight at once, which also bounds open connections
 * @param agentCacheSize agents kept in memory
 * @param resilience retry and circuit breaker tuning
 * @param ownerTtl how long the owner document stays valid without a heartbeat (heartbeat every third of it)
 */
public record MechStoreConfig(
    URI baseUrl,
    String appId,
    String apiKey,
    Set<MechCapability> capabilities,
    Optional<Path> caFile,
    Duration connectTimeout,
    Duration requestTimeout,
    int maxConcurrentCalls,
    int agentCacheSize,
    Resilience resilience,
    Duration ownerTtl) {

  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(10);
  public static final int DEFAULT_MAX_CONCURRENT_CALLS = 32;
  public static final int DEFAULT_AGENT_CACHE_SIZE = 100_000;
  public static final Duration DEFAULT_OWNER_TTL = Duration.ofSeconds(60);

  /**
   * Retries and circuit breaker.
   *
   * @param maxAttempts attempts per safe call, the first included
   * @param initialBackoff wait before the first retry; doubles each time, with ±50 % jitter
   * @param failureRateThreshold percentage of failed calls (in the last {@code window}) that opens the circuit
   * @param window calls the failure rate is computed over; at least half of them must have been made
   * @param openFor how long the circuit stays open before it lets trial calls through
   */
  public record Resilience(int maxAttempts, Duration initialBackoff, float failureRateThreshold, int window,
      Duration openFor) {
    public static final Resilience DEFAULTS = new Resilience(3, Duration.ofMillis(50), 50, 20, Duration.ofSeconds(5));

    public Resilience {
      if (maxAttempts < 1) {
        throw new IllegalArgumentException("maxAttempts must be at least 1");
      }
      if (window < 2) {
        throw new IllegalArgumentException("window must be at least 2");
      }
      if (!(failureRateThreshold > 0 && failureRateThreshold <= 100)) {
        throw new IllegalArgumentException("failureRateThreshold must be in (0, 100]");
      }
      Objects.requireNonNull(initialBackoff, "initialBackoff");
      Objects.requireNonNull(openFor, "openFor");
    }
  }

  public MechStoreConfig {
    Objects.requireNonNull(baseUrl, "baseUrl");
    Objects.requireNonNull(appId, "appId");
    Objects.requireNonNull(apiKey, "apiKey");
    Objects.requireNonNull(caFile, "caFile");
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(requestTimeout, "requestTimeout");
    Objects.requireNonNull(resilience, "resilience");
    Objects.requireNonNull(ownerTtl, "ownerTtl");
    if (!"http".equals(baseUrl.getScheme()) && !"https".equals(baseUrl.getScheme())) {
      throw new IllegalArgumentException("baseUrl must be http(s), was " + baseUrl);
    }
    if (appId.isBlank()) {
      throw new IllegalArgumentException("appId must not be blank");
    }
    if (maxConcurrentCalls < 1 || agentCacheSize < 1) {
      throw new IllegalArgumentException("maxConcurrentCalls and agentCacheSize must be positive");
    }
    if (ownerTtl.toSeconds() < 3) {
      throw new IllegalArgumentException("ownerTtl must be at least 3 s");
    }
    capabilities = capabilities.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(capabilities));
  }

  /**
   * The configuration the server builds from its environment; everything it does not set takes
   * the defaults above.
   *
   * @param capabilities wire names ({@code filter}, {@code offset}, {@code return_document}, {@code batch})
   */
  public static MechStoreConfig of(URI baseUrl, String appId, String apiKey, Set<String> capabilities,
      Optional<Path> caFile, Duration connectTimeout, Duration requestTimeout) {
    return new MechStoreConfig(baseUrl, appId, apiKey, MechCapability.parseAll(capabilities), caFile,
        connectTimeout, requestTimeout, DEFAULT_MAX_CONCURRENT_CALLS, DEFAULT_AGENT_CACHE_SIZE, Resilience.DEFAULTS,
        DEFAULT_OWNER_TTL);
  }

  public boolean has(MechCapability capability) {
    return capabilities.contains(capability);
  }

  public MechStoreConfig withCapabilities(Set<MechCapability> caps) {
    return new MechStoreConfig(baseUrl, appId, apiKey, caps, caFile, connectTimeout, requestTimeout,
        maxConcurrentCalls, agentCacheSize, resilience, ownerTtl);
  }

  public MechStoreConfig withTimeouts(Duration connect, Duration request) {
    return new MechStoreConfig(baseUrl, appId, apiKey, capabilities, caFile, connect, request,
        maxConcurrentCalls, agentCacheSize, resilience, ownerTtl);
  }

  public MechStoreConfig withMaxConcurrentCalls(int n) {
    return new MechStoreConfig(baseUrl, appId, apiKey, capabilities, caFile, connectTimeout, requestTimeout,
        n, agentCacheSize, resilience, ownerTtl);
  }

  public MechStoreConfig withAgentCacheSize(int n) {
    return new MechStoreConfig(baseUrl, appId, apiKey, capabilities, caFile, connectTimeout, requestTimeout,
        maxConcurrentCalls, n, resilience, ownerTtl);
  }

  public MechStoreConfig withResilience(Resilience r) {
    return new MechStoreConfig(baseUrl, appId, apiKey, capabilities, caFile, connectTimeout, requestTimeout,
        maxConcurrentCalls, agentCacheSize, r, ownerTtl);
  }

  public MechStoreConfig withOwnerTtl(Duration ttl) {
    return new MechStoreConfig(baseUrl, appId, apiKey, capabilities, caFile, connectTimeout, requestTimeout,
        maxConcurrentCalls, agentCacheSize, resilience, ttl);
  }

  @Override
  public String toString() {
    return "MechStoreConfig[baseUrl=" + baseUrl + ", appId=" + appId + ", apiKey=<redacted>, capabilities="
        + capabilities + ", caFile=" + caFile.map(Path::toString).orElse("-") + ", connectTimeout=" + connectTimeout
        + ", requestTimeout=" + requestTimeout + ", maxConcurrentCalls=" + maxConcurrentCalls + ", agentCacheSize="
        + agentCacheSize + ", resilience=" + resilience + ", ownerTtl=" + ownerTtl + "]";
  }
}
