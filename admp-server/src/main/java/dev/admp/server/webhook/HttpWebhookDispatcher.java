package dev.admp.server.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import dev.admp.agent.Agent;
import dev.admp.agent.Webhook;
import dev.admp.inbox.Message;
import dev.admp.protocol.json.JsJson;
import dev.admp.webhook.WebhookPort;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pushes queued messages to their recipients' webhooks over one shared {@link HttpClient}.
 *
 * <p>{@link #messageQueued} only takes a permit and hands the work to a scheduler, so SEND never waits
 * for a receiver. A non-2xx answer, a network error or a timeout is retried with exponential backoff
 * until {@link WebhookSettings#attempts()} is reached. At most {@link WebhookSettings#maxInFlight()}
 * deliveries are held at once (including those waiting for a retry): past that a message is dropped
 * with a WARN, which loses nothing because it stays pullable. Logs name the agent, the message and the
 * outcome — never the secret, the URL or the payload.
 */
public final class HttpWebhookDispatcher implements WebhookPort, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(HttpWebhookDispatcher.class);
  static final String USER_AGENT = "ADMP-Server/1.0";

  private final WebhookSettings settings;
  private final Clock clock;
  private final HttpClient http;
  private final ScheduledExecutorService scheduler;
  private final Semaphore permits;
  private final LongAdder delivered = new LongAdder();
  private final LongAdder retried = new LongAdder();
  private final LongAdder failed = new LongAdder();
  private final LongAdder dropped = new LongAdder();

  public HttpWebhookDispatcher(WebhookSettings settings, Clock clock) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.permits = new Semaphore(settings.maxInFlight());
    // HTTP/1.1 as the reference hub's fetch: receivers are arbitrary servers, and an h2c upgrade
    // request trips some of them.
    this.http = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(settings.timeout())
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
    this.scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform()
        .name("admp-webhook-scheduler").daemon(true).factory());
  }

  @Override
  public void messageQueued(Agent recipient, Message message) {
    try {
      Webhook webhook = recipient.webhook().orElse(null);
      if (webhook == null) {
        return;
      }
      if (!permits.tryAcquire()) {
        dropped.increment();
        LOG.warn("webhook delivery dropped: too many in flight agent={} message_id={} max_in_flight={}",
            recipient.id(), message.id(), settings.maxInFlight());
        return;
      }
      try {
        scheduler.execute(() -> start(recipient, message, webhook));
      } catch (RejectedExecutionException closed) {
        permits.release();
      }
    } catch (RuntimeException e) {
      // The port must never throw into SEND; the message stays pullable.
      LOG.warn("webhook delivery not started agent={} message_id={} error={}",
          recipient.id(), message.id(), e.getClass().getSimpleName());
    }
  }

  private void start(Agent recipient, Message message, Webhook webhook) {
    Delivery delivery;
    try {
      // JsJson keeps numbers exact, so they are rounded as JavaScript rounds them only when stringified.
      JsonNode envelope = JsJson.parse(message.envelopeJson());
      delivery = new Delivery(recipient.id(), message.id(), URI.create(webhook.url()), webhook.secret(), envelope);
    } catch (RuntimeException e) {
      giveUp(recipient.id().value(), message.id().value(), 0, "unusable url or envelope");
      return;
    }
    attempt(delivery, 1);
  }

  private void attempt(Delivery delivery, int attempt) {
    HttpRequest request;
    try {
      request = HttpRequest.newBuilder(delivery.target())
          .timeout(settings.timeout())
          .header("Content-Type", "application/json")
          .header("User-Agent", USER_AGENT)
          .header("X-ADMP-Event", Delivery.EVENT)
          .header("X-ADMP-Message-ID", delivery.messageId().value())
          .header("X-ADMP-Delivery-Attempt", Integer.toString(attempt))
          .POST(HttpRequest.BodyPublishers.ofString(delivery.body(clock.instant())))
          .build();
    } catch (RuntimeException e) {
      giveUp(delivery.recipient().value(), delivery.messageId().value(), attempt, "unusable request");
      return;
    }
    try {
      http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
          .whenComplete((response, error) -> completed(delivery, attempt, response, error));
    } catch (RuntimeException e) {
      completed(delivery, attempt, null, e);
    }
  }

  private void completed(Delivery delivery, int attempt, HttpResponse<Void> response, Throwable error) {
    if (scheduler.isShutdown()) {
      // close() aborted this exchange; nothing is retried after close.
      permits.release();
      return;
    }
    if (error == null && response.statusCode() / 100 == 2) {
      delivered.increment();
      permits.release();
      LOG.debug("webhook delivered agent={} message_id={} attempt={} status={}",
          delivery.recipient(), delivery.messageId(), attempt, response.statusCode());
      return;
    }
    String outcome = error == null ? "status " + response.statusCode() : describe(error);
    if (attempt >= settings.attempts()) {
      giveUp(delivery.recipient().value(), delivery.messageId().value(), attempt, outcome);
      return;
    }
    LOG.debug("webhook attempt failed agent={} message_id={} attempt={} outcome={}",
        delivery.recipient(), delivery.messageId(), attempt, outcome);
    try {
      scheduler.schedule(() -> attempt(delivery, attempt + 1),
          settings.backoffAfter(attempt).toMillis(), TimeUnit.MILLISECONDS);
      retried.increment();
    } catch (RejectedExecutionException closed) {
      permits.release();
    }
  }

  private void giveUp(String agent, String messageId, int attempts, String outcome) {
    failed.increment();
    permits.release();
    LOG.warn("webhook delivery gave up agent={} message_id={} attempts={} last_outcome={}",
        agent, messageId, attempts, outcome);
  }

  private static String describe(Throwable error) {
    Throwable cause = error.getCause() != null && error instanceof CompletionException
        ? error.getCause() : error;
    return cause instanceof HttpTimeoutException ? "timeout" : cause.getClass().getSimpleName();
  }

  public WebhookStats stats() {
    return new WebhookStats(delivered.sum(), retried.sum(), failed.sum(), dropped.sum(),
        settings.maxInFlight() - permits.availablePermits());
  }

  /** Registers {@code admp.webhook.deliveries{outcome=…}} counters and the {@code admp.webhook.in_flight} gauge. */
  public void bindTo(MeterRegistry registry) {
    counter(registry, "delivered", delivered);
    counter(registry, "retried", retried);
    counter(registry, "failed", failed);
    counter(registry, "dropped", dropped);
    Gauge.builder("admp.webhook.in_flight", this, d -> d.stats().inFlight())
        .description("webhook deliveries sending or waiting for a retry").register(registry);
  }

  private static void counter(MeterRegistry registry, String outcome, LongAdder adder) {
    FunctionCounter.builder("admp.webhook.deliveries", adder, LongAdder::sum)
        .tag("outcome", outcome).description("webhook deliveries by outcome").register(registry);
  }

  /** Stops retries and abandons deliveries in progress; their messages stay pullable. */
  @Override
  public void close() {
    scheduler.shutdownNow();
    http.shutdownNow();
  }
}
