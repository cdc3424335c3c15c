package dev.admp.store.mech;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.admp.store.StoreException;
import dev.admp.store.StoreUnavailableException;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP layer: one pooled keep-alive {@link HttpClient} (HTTP/2 over TLS when the server offers
 * it), wrapped in a circuit breaker, a bulkhead and retries. Every attempt is a counted round trip.
 *
 * <p>Retries repeat a call only on a transient failure (5xx, a reset or refused connection) and
 * never on a timeout: a call that used up its time fails within it. Every call this store makes is
 * safe to repeat — reads, updates whose patch holds absolute values, deletes and creates — and a
 * {@link Reply} says how many attempts it took, so a caller can read a 409 or 404 on a repeat as
 * "my earlier attempt landed" where that is right.
 */
final class MechHttp implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(MechHttp.class);

  /** An answer; {@code body} is a missing node when there was none. */
  record Reply(int status, JsonNode body, int attempts) {
    JsonNode data() {
      return body.path("data");
    }

    boolean repeated() {
      return attempts > 1;
    }
  }

  private final String appBase;
  private final String apiKey;
  private final Duration requestTimeout;
  private final ObjectMapper json;
  private final HttpClient client;
  private final LongAdder roundTrips = new LongAdder();
  private final LongAdder connections = new LongAdder();
  private final CircuitBreaker breaker;
  private final Bulkhead bulkhead;
  private final Retry retry;
  private volatile String refusal;

  MechHttp(MechStoreConfig config, ObjectMapper json) {
    String base = config.baseUrl().toString().replaceAll("/+$", "");
    this.appBase = base + "/api/apps/" + MechPaths.encode(config.appId());
    this.apiKey = config.apiKey();
    this.requestTimeout = config.requestTimeout();
    this.json = json;
    HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(config.connectTimeout());
    if ("https".equals(config.baseUrl().getScheme())) {
      builder.version(HttpClient.Version.HTTP_2)
          .sslContext(new CountingSslContext(TrustedCertificates.context(config.caFile()), connections));
    } else {
      // Over plain HTTP an HTTP/2 preference only adds an h2c upgrade attempt that Mech does not take.
      builder.version(HttpClient.Version.HTTP_1_1);
    }
    this.client = builder.build();
    MechStoreConfig.Resilience r = config.resilience();
    this.breaker = CircuitBreaker.of("mech", CircuitBreakerConfig.custom()
        .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
        .slidingWindowSize(r.window())
        .minimumNumberOfCalls(Math.max(2, r.window() / 2))
        .failureRateThreshold(r.failureRateThreshold())
        .waitDurationInOpenState(r.openFor())
        .automaticTransitionFromOpenToHalfOpenEnabled(true)
        .permittedNumberOfCallsInHalfOpenState(2)
        .build());
    breaker.getEventPublisher().onStateTransition(e -> {
      switch (e.getStateTransition().getToState()) {
        case OPEN -> LOG.warn("mech circuit opened app={} after repeated failures", config.appId());
        case CLOSED -> LOG.info("mech circuit closed app={}", config.appId());
        default -> LOG.debug("mech circuit {} app={}", e.getStateTransition(), config.appId());
      }
    });
    this.bulkhead = Bulkhead.of("mech", BulkheadConfig.custom()
        .maxConcurrentCalls(config.maxConcurrentCalls())
        .maxWaitDuration(config.requestTimeout())
        .build());
    this.retry = Retry.of("mech", RetryConfig.<Reply>custom()
        .maxAttempts(r.maxAttempts())
        .intervalFunction(IntervalFunction.ofExponentialRandomBackoff(r.initialBackoff(), 2.0, 0.5))
        .retryOnResult(reply -> reply.status() >= 500)
        .retryOnException(MechHttp::isTransient)
        .failAfterMaxAttempts(false)
        .build());
  }

  private static boolean isTransient(Throwable t) {
    return t instanceof IOException && !(t instanceof HttpTimeoutException);
  }

  long roundTrips() {
    return roundTrips.sum();
  }

  /** TLS connections opened; the JDK client gives no count for plain HTTP, so that stays 0. */
  long connectionsOpened() {
    return connections.sum();
  }

  /** From now on every call fails at once with {@code reason}. */
  void refuseAll(String reason) {
    refusal = reason;
  }

  CircuitBreaker.State circuitState() {
    return breaker.getState();
  }

  Reply get(String path) {
    return call("GET", path, Optional.empty());
  }

  Reply delete(String path) {
    return call("DELETE", path, Optional.empty());
  }

  Reply send(String method, String path, JsonNode body) {
    return call(method, path, Optional.of(body));
  }

  /**
   * One call: fails fast when the circuit is open or the bulkhead stays full for a request
   * timeout, retries transient failures, and turns what is left of them into
   * {@link StoreUnavailableException}. Any other answer, 4xx included, is returned.
   */
  private Reply call(String method, String path, Optional<JsonNode> body) {
    String refused = refusal;
    if (refused != null) {
      throw new StoreUnavailableException(refused);
    }
    if (!breaker.tryAcquirePermission()) {
      throw new StoreUnavailableException("Mech is unavailable: the circuit is open after repeated failures");
    }
    long start = System.nanoTime();
    boolean permitted = false;
    try {
      permitted = bulkhead.tryAcquirePermission();
      if (!permitted) {
        breaker.releasePermission();
        throw new StoreUnavailableException("Mech is unavailable: " + bulkhead.getBulkheadConfig().getMaxConcurrentCalls()
            + " calls already in flight");
      }
      AtomicInteger attempts = new AtomicInteger();
      Reply reply = Retry.decorateCheckedSupplier(retry, () -> attempt(method, path, body, attempts)).get();
      long took = System.nanoTime() - start;
      if (reply.status() >= 500) {
        breaker.onError(took, TimeUnit.NANOSECONDS, new IOException("HTTP " + reply.status()));
        throw new StoreUnavailableException("Mech is unavailable: " + method + " answered " + reply.status()
            + " after " + reply.attempts() + " attempts");
      }
      breaker.onSuccess(took, TimeUnit.NANOSECONDS);
      if (reply.status() == 401 || reply.status() == 403) {
        throw new StoreException("Mech refused the API key for this app (HTTP " + reply.status() + ")");
      }
      return reply;
    } catch (StoreException | StoreUnavailableException e) {
      throw e;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      breaker.releasePermission();
      throw new StoreUnavailableException("interrupted while calling Mech", e);
    } catch (Throwable e) {
      breaker.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, e);
      throw new StoreUnavailableException("Mech is unavailable: " + method + " failed: " + e, e);
    } finally {
      if (permitted) {
        bulkhead.onComplete();
      }
    }
  }

  private Reply attempt(String method, String path, Optional<JsonNode> body, AtomicInteger attempts)
      throws IOException, InterruptedException {
    int n = attempts.incrementAndGet();
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(appBase + path))
        .timeout(requestTimeout)
        .header("X-API-Key", apiKey)
        .header("Accept", "application/json");
    if (body.isPresent()) {
      request.header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body.get())));
    } else {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    }
    roundTrips.increment();
    HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    LOG.debug("mech {} {} status={} attempt={}", method, path, response.statusCode(), n);
    return new Reply(response.statusCode(), parse(response.body()), n);
  }

  private JsonNode parse(byte[] body) {
    if (body.length == 0) {
      return MissingNode.getInstance();
    }
    try {
      return json.readTree(body);
    } catch (IOException e) {
      // A proxy's HTML error page, say: the status tells the caller what happened.
      LOG.debug("mech answered a body that is not JSON: {}", new String(body, 0, Math.min(body.length, 80),
          StandardCharsets.UTF_8));
      return MissingNode.getInstance();
    }
  }

  @Override
  public void close() {
    client.close();
  }
}
