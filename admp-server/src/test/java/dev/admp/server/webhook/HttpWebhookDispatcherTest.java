package dev.admp.server.webhook;

import static dev.admp.server.webhook.WebhookFixtures.CLOCK;
import static dev.admp.server.webhook.WebhookFixtures.SECRET;
import static dev.admp.server.webhook.WebhookFixtures.bob;
import static dev.admp.server.webhook.WebhookFixtures.bobWithWebhook;
import static dev.admp.server.webhook.WebhookFixtures.fast;
import static dev.admp.server.webhook.WebhookFixtures.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.admp.protocol.json.JsJson;
import dev.admp.server.webhook.WebhookReceiver.Received;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class HttpWebhookDispatcherTest {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private final ObjectMapper json = new ObjectMapper();

  @Test
  void signatureIsHmacOfTheReceivedPayloadWithoutSignature() throws Exception {
    try (var receiver = new WebhookReceiver(n -> 200);
        var dispatcher = new HttpWebhookDispatcher(WebhookSettings.DEFAULTS, CLOCK)) {
      dispatcher.messageQueued(bobWithWebhook(receiver.url()), message("m-1"));

      Received r = receiver.next(WAIT);
      // As a JavaScript receiver: JSON.parse, delete signature, JSON.stringify, HMAC.
      ObjectNode payload = (ObjectNode) JsJson.parse(r.body());
      String signature = payload.remove("signature").asText();

      assertThat(signature).isEqualTo(Delivery.hmacHex(SECRET, JsJson.stringify(payload))).matches("[0-9a-f]{64}");
      assertThat(payload.get("event").asText()).isEqualTo("message.received");
      assertThat(payload.get("message_id").asText()).isEqualTo("m-1");
      assertThat(payload.get("envelope")).isEqualTo(json.readTree(WebhookFixtures.ENVELOPE));
      assertThat(payload.get("delivered_at").asLong()).isEqualTo(WebhookFixtures.NOW.toEpochMilli());
    }
  }

  @Test
  void bodyAndSignatureAreWhatJavaScriptComputes() throws Exception {
    // Expected values made with Node.js: JSON.stringify(payload) and crypto.createHmac('sha256', secret).
    String js = "{\"event\":\"message.received\",\"message_id\":\"m-1\",\"envelope\":{\"version\":\"1.0\",\"id\":\"m-1\","
        + "\"type\":\"task.request\",\"from\":\"agent://alice\",\"to\":\"agent://bob\",\"subject\":\"run_tests\","
        + "\"correlation_id\":\"c-1\",\"headers\":{},\"body\":{\"text\":\"h\u00e9llo \u2028 \\\"q\\\" \\n\",\"n\":42},"
        + "\"ttl_sec\":86400,\"timestamp\":\"2026-01-15T10:20:30.000Z\","
        + "\"signature\":{\"alg\":\"ed25519\",\"kid\":\"alice\",\"sig\":\"c2ln\"}},\"delivered_at\":1768472430123}";
    String jsHmac = "9134a3decbe007e998c701d79df6907dfa893bab78687c1d4ad31dca258ee43b";
    try (var receiver = new WebhookReceiver(n -> 204);
        var dispatcher = new HttpWebhookDispatcher(WebhookSettings.DEFAULTS, CLOCK)) {
      dispatcher.messageQueued(bobWithWebhook(receiver.url()), message("m-1"));

      assertThat(receiver.next(WAIT).body())
          .isEqualTo(js.substring(0, js.length() - 1) + ",\"signature\":\"" + jsHmac + "\"}");
    }
  }

  @Test
  void numbersAndIntegerLikeKeysAreSignedAsJavaScriptWritesThem() throws Exception {
    // Node.js: JSON.stringify of JSON.parse('{"body":{"b":1,"a":2.0,"10":"x","2":true,"big":1e21,"small":0.0000001}}')
    String envelope = "{\"body\":{\"b\":1,\"a\":2.0,\"10\":\"x\",\"2\":true,\"big\":1e21,\"small\":0.0000001}}";
    String js = "{\"event\":\"message.received\",\"message_id\":\"m-2\",\"envelope\":{\"body\":{\"2\":true,\"10\":\"x\","
        + "\"b\":1,\"a\":2,\"big\":1e+21,\"small\":1e-7}},\"delivered_at\":1768472430123}";
    String jsHmac = "3880a3bef3c798146a3521ad74207ce34712d28367bdd85979959bf82e314533";
    try (var receiver = new WebhookReceiver(n -> 200);
        var dispatcher = new HttpWebhookDispatcher(WebhookSettings.DEFAULTS, CLOCK)) {
      dispatcher.messageQueued(bobWithWebhook(receiver.url()), message("m-2", envelope));

      assertThat(receiver.next(WAIT).body())
          .isEqualTo(js.substring(0, js.length() - 1) + ",\"signature\":\"" + jsHmac + "\"}");
    }
  }

  @Test
  void requestCarriesTheAdmpHeaders() throws Exception {
    try (var receiver = new WebhookReceiver(n -> 200);
        var dispatcher = new HttpWebhookDispatcher(WebhookSettings.DEFAULTS, CLOCK)) {
      dispatcher.messageQueued(bobWithWebhook(receiver.url()), message("m-7"));

      Received r = receiver.next(WAIT);
      assertThat(r.header("Content-Type")).isEqualTo("application/json");
      assertThat(r.header("X-ADMP-Event")).isEqualTo("message.received");
      assertThat(r.header("X-ADMP-Message-ID")).isEqualTo("m-7");
      assertThat(r.header("X-ADMP-Delivery-Attempt")).isEqualTo("1");
      assertThat(r.header("User-Agent")).isEqualTo("ADMP-Server/1.0");
    }
  }

  @Test
  void serverErrorIsRetriedWithBackoffUntilAccepted() throws Exception {
    var settings = fast(3, Duration.ofSeconds(5));
    try (var receiver = new WebhookReceiver(n -> n < 3 ? 500 : 200);
        var dispatcher = new HttpWebhookDispatcher(settings, CLOCK)) {
      dispatcher.messageQueued(bobWithWebhook(receiver.url()), message("m-1"));

      Received first = receiver.next(WAIT);
      Received second = receiver.next(WAIT);
      Received third = receiver.next(WAIT);
      assertThat(first.header("X-ADMP-Delivery-Attempt")).isEqualTo("1");
      assertThat(second.header("X-ADMP-Delivery-Attempt")).isEqualTo("2");
      assertThat(third.header("X-ADMP-Delivery-Attempt")).isEqualTo("3");
      assertThat(Duration.ofNanos(second.receivedNanos() - first.receivedNanos())).isGreaterThanOrEqualTo(settings.backoffAfter(1));
      assertThat(Duration.ofNanos(third.receivedNanos() - second.receivedNanos())).isGreaterThanOrEqualTo(settings.backoffAfter(2));
      WebhookStats stats = awaitStats(dispatcher, s -> s.delivered() == 1);
      assertThat(stats).isEqualTo(new WebhookStats(1, 2, 0, 0, 0));
    }
  }

  @Test
  void givesUpAfterThreeAttempts() throws Exception {
    try (var receiver = new WebhookReceiver(n -> 503);
        var dispatcher = new HttpWebhookDispatcher(fast(3, Duration.ofSeconds(5)), CLOCK)) {
      dispatcher.messageQueued(bobWithWebhook(receiver.url()), message("m-1"));

      WebhookStats stats = awaitStats(dispatcher, s -> s.failed() == 1);
      assertThat(stats).isEqualTo(new WebhookStats(0, 2, 1, 0, 0));
      assertThat(receiver.count()).isEqualTo(3);
    }
  }

  @Test
  void hangingReceiverDoesNotDelayMessageQueued() throws Exception {
    try (var receiver = new WebhookReceiver(n -> WebhookReceiver.HANG);
        var dispatcher = new HttpWebhookDispatcher(fast(3, Duration.ofSeconds(60)), CLOCK)) {
      // Were delivery synchronous, this would wait for the 60 s timeout and fail the bound.
      assertTimeoutPreemptively(Duration.ofSeconds(5),
          () -> dispatcher.messageQueued(bobWithWebhook(receiver.url()), message("m-1")));

      receiver.next(WAIT);
      assertThat(dispatcher.stats().inFlight()).isEqualTo(1);
    }
  }

  @Test
  void hangingReceiverTimesOutAndCountsAsAFailedAttempt() throws Exception {
    try (var receiver = new WebhookReceiver(n -> n == 1 ? WebhookReceiver.HANG : 200);
        var dispatcher = new HttpWebhookDispatcher(fast(2, Duration.ofMillis(300)), CLOCK)) {
      dispatcher.messageQueued(bobWithWebhook(receiver.url()), message("m-1"));

      assertThat(receiver.next(WAIT).header("X-ADMP-Delivery-Attempt")).isEqualTo("1");
      assertThat(receiver.next(WAIT).header("X-ADMP-Delivery-Attempt")).isEqualTo("2");
      assertThat(awaitStats(dispatcher, s -> s.delivered() == 1)).isEqualTo(new WebhookStats(1, 1, 0, 0, 0));
    }
  }

  @Test
  void floodBeyondMaxInFlightIsDroppedAndCounted() throws Exception {
    var settings = new WebhookSettings(Duration.ofSeconds(60), 3, Duration.ofMillis(100), 2);
    try (var receiver = new WebhookReceiver(n -> WebhookReceiver.HANG);
        var dispatcher = new HttpWebhookDispatcher(settings, CLOCK)) {
      var bob = bobWithWebhook(receiver.url());
      for (int i = 0; i < 5; i++) {
        dispatcher.messageQueued(bob, message("m-" + i));
      }

      assertThat(dispatcher.stats()).isEqualTo(new WebhookStats(0, 0, 0, 3, 2));
    }
  }

  @Test
  void recipientWithoutWebhookGetsNoRequest() throws Exception {
    try (var dispatcher = new HttpWebhookDispatcher(WebhookSettings.DEFAULTS, CLOCK)) {
      dispatcher.messageQueued(bob(Optional.empty()), message("m-1"));

      assertThat(dispatcher.stats()).isEqualTo(new WebhookStats(0, 0, 0, 0, 0));
    }
  }

  @Test
  void unreachableReceiverIsRetriedThenGivenUpWithoutThrowing() throws Exception {
    String deadUrl;
    try (var receiver = new WebhookReceiver(n -> 200)) {
      deadUrl = receiver.url();
    }
    try (var dispatcher = new HttpWebhookDispatcher(fast(2, Duration.ofSeconds(5)), CLOCK)) {
      dispatcher.messageQueued(bobWithWebhook(deadUrl), message("m-1"));

      assertThat(awaitStats(dispatcher, s -> s.failed() == 1)).isEqualTo(new WebhookStats(0, 1, 1, 0, 0));
    }
  }

  @Test
  void messageQueuedAfterCloseNeitherThrowsNorHoldsAPermit() {
    var dispatcher = new HttpWebhookDispatcher(WebhookSettings.DEFAULTS, CLOCK);
    dispatcher.close();

    dispatcher.messageQueued(bobWithWebhook("http://127.0.0.1:9/hook"), message("m-1"));

    assertThat(dispatcher.stats().inFlight()).isZero();
  }

  /** Polls the counters until they match, for at most {@link #WAIT}: delivery runs on other threads. */
  private static WebhookStats awaitStats(HttpWebhookDispatcher dispatcher, Predicate<WebhookStats> done)
      throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    WebhookStats stats = dispatcher.stats();
    while (!done.test(stats) && System.nanoTime() < deadline) {
      Thread.sleep(10);
      stats = dispatcher.stats();
    }
    return stats;
  }
}
