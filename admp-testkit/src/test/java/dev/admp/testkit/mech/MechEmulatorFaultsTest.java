package dev.admp.testkit.mech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MechEmulatorFaultsTest {
  private MechEmulator mech;
  private MechCalls calls;

  @BeforeEach
  void start() {
    mech = new MechEmulator(MechEmulator.Options.defaults()).start();
    calls = MechCalls.to(mech, "app");
    calls.create("c", "k", "{}");
    mech.resetCounters();
  }

  @AfterEach
  void stop() {
    mech.close();
  }

  @Test
  void latencyDelaysEveryAnswer() {
    mech.faults(Faults.NONE.withLatency(Duration.ofMillis(150)));

    long start = System.nanoTime();
    assertThat(calls.get("c", "k").status()).isEqualTo(200);

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(150));
  }

  @Test
  void unavailableRateOneAnswersEveryRequest503() {
    mech.faults(Faults.NONE.withUnavailableRate(1));

    MechCalls.Reply r = calls.get("c", "k");

    assertThat(r.status()).isEqualTo(503);
    assertThat(r.errorCode()).isEqualTo("SERVICE_UNAVAILABLE");
  }

  @Test
  void unavailableRateFailsTheSameRequestsForTheSameSeed() {
    List<Integer> first = statuses(mech, 0.3);
    try (MechEmulator twin = new MechEmulator(MechEmulator.Options.defaults()).start()) {
      MechCalls.to(twin, "app").create("c", "k", "{}");
      List<Integer> second = statuses(twin, 0.3);

      assertThat(second).isEqualTo(first);
    }
    assertThat(first).contains(200, 503);
  }

  private static List<Integer> statuses(MechEmulator emulator, double rate) {
    emulator.faults(Faults.NONE.withUnavailableRate(rate));
    MechCalls c = MechCalls.to(emulator, "app");
    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      statuses.add(c.get("c", "k").status());
    }
    return statuses;
  }

  @Test
  void resetClosesTheConnectionWithoutAnAnswer() {
    mech.faults(Faults.NONE.withResetRate(1));

    assertThatThrownBy(() -> calls.sendOrThrow("POST", "/nosql/documents",
        "{\"collection_name\":\"c\",\"document_key\":\"r\",\"data\":{}}", Duration.ofSeconds(10)))
        .isInstanceOf(IOException.class)
        .isNotInstanceOf(HttpTimeoutException.class);
    assertThat(mech.stats().requests(Route.CREATE)).isEqualTo(1);
  }

  @Test
  void aLostReplyCarriesTheRequestOutThenResets() {
    mech.faults(Faults.NONE.withLostReplyRate(1));

    assertThatThrownBy(() -> calls.sendOrThrow("POST", "/nosql/documents",
        "{\"collection_name\":\"c\",\"document_key\":\"lost\",\"data\":{\"v\":1}}", Duration.ofSeconds(10)))
        .isInstanceOf(IOException.class);
    mech.faults(Faults.NONE);

    assertThat(calls.get("c", "lost").status()).isEqualTo(200);
  }

  @Test
  void hangNeverAnswersUntilFaultsAreSwitchedOff() throws Exception {
    mech.faults(Faults.NONE.withHangRate(1));

    assertThatThrownBy(() -> calls.sendOrThrow("GET", "/nosql/documents/key/k?collection_name=c", null,
        Duration.ofMillis(300))).isInstanceOf(HttpTimeoutException.class);

    mech.faults(Faults.NONE);
    assertThat(calls.sendOrThrow("GET", "/nosql/documents/key/k?collection_name=c", null, Duration.ofSeconds(5))
        .status()).isEqualTo(200);
  }

  @Test
  void keepAliveByDefaultServesManyRequestsOnOneConnection() {
    MechCalls calls = MechCalls.to(mech, "app");
    for (int i = 0; i < 5; i++) {
      calls.get("c", "k");
    }

    assertThat(mech.stats().connectionsAccepted()).isEqualTo(1);
  }

  @Test
  void closeAfterResponseMakesEveryRequestOpenANewConnection() {
    mech.faults(Faults.NONE.withConnections(Faults.ConnectionPolicy.CLOSE_AFTER_RESPONSE));
    MechCalls calls = MechCalls.to(mech, "app");

    for (int i = 0; i < 5; i++) {
      MechCalls.Reply r = calls.get("c", "k");
      assertThat(r.raw().headers().firstValue("Connection")).hasValue("close");
    }

    assertThat(mech.stats().connectionsAccepted()).isEqualTo(5);
    assertThat(mech.stats().requests(Route.GET)).isEqualTo(5);
  }

  @Test
  void keepAliveHintIsSentAndIdleConnectionsAreClosedAfterIt() throws Exception {
    mech.faults(Faults.NONE.withKeepAliveTimeout(Duration.ofSeconds(1)));
    MechCalls calls = MechCalls.to(mech, "app");
    long openBefore = mech.stats().connectionsOpen();

    MechCalls.Reply r = calls.get("c", "k");
    assertThat(r.raw().headers().firstValue("Keep-Alive")).hasValue("timeout=1");
    awaitOpenConnections(openBefore);
    calls.get("c", "k");

    assertThat(mech.stats().connectionsAccepted()).isEqualTo(2);
  }

  /** Bounded polling: the server closes the idle connection on its own schedule. */
  private void awaitOpenConnections(long n) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    while (mech.stats().connectionsOpen() > n) {
      assertThat(System.nanoTime()).as("connection still open at the deadline").isLessThan(deadline);
      Thread.sleep(50);
    }
  }

  @Test
  void countersCountEachRoute() {
    mech.capabilities(java.util.EnumSet.of(Capability.BATCH));
    calls.create("c", "a", "{}");
    calls.get("c", "a");
    calls.get("c", "a");
    calls.update("c", "a", "{\"data\":{}}");
    calls.list("c", "");
    calls.batch("{\"operations\":[]}");
    calls.delete("c", "a");
    calls.send("GET", "/elsewhere", null);

    EmulatorStats s = mech.stats();
    assertThat(s.requests(Route.CREATE)).isEqualTo(1);
    assertThat(s.requests(Route.GET)).isEqualTo(2);
    assertThat(s.requests(Route.UPDATE)).isEqualTo(1);
    assertThat(s.requests(Route.LIST)).isEqualTo(1);
    assertThat(s.requests(Route.BATCH)).isEqualTo(1);
    assertThat(s.requests(Route.DELETE)).isEqualTo(1);
    assertThat(s.requests(Route.OTHER)).isEqualTo(1);
    assertThat(s.totalRequests()).isEqualTo(8);
  }

  @Test
  void statsAreReadableAndResettableOverHttp() throws Exception {
    calls.get("c", "k");
    calls.get("c", "k");
    MechCalls.Reply stats = controlCall("GET", "stats", null);
    assertThat(stats.status()).isEqualTo(200);
    assertThat(stats.json().path("requests").path("get").asLong()).isEqualTo(2);
    assertThat(stats.json().path("total_requests").asLong()).isEqualTo(2);
    assertThat(stats.json().path("connections_accepted").asLong()).isGreaterThanOrEqualTo(1);

    assertThat(controlCall("POST", "reset-counters", "").status()).isEqualTo(204);
    assertThat(mech.stats().totalRequests()).isZero();
    assertThat(mech.stats().connectionsAccepted()).isZero();
  }

  @Test
  void faultsAndCapabilitiesAreSettableOverHttp() throws Exception {
    assertThat(controlCall("PUT", "faults", "{\"unavailable_rate\":1,\"latency_ms\":5}").status())
        .isEqualTo(200);
    assertThat(mech.faults().unavailableRate()).isEqualTo(1.0);
    assertThat(mech.faults().latency()).isEqualTo(Duration.ofMillis(5));
    assertThat(calls.get("c", "k").status()).isEqualTo(503);

    assertThat(controlCall("PUT", "capabilities", "{\"capabilities\":[\"batch\",\"filter\"]}").status())
        .isEqualTo(200);
    assertThat(mech.capabilities()).containsExactlyInAnyOrder(Capability.BATCH, Capability.FILTER);
    assertThat(controlCall("PUT", "faults", "{\"hang_rate\":7}").status()).isEqualTo(400);
  }

  private MechCalls.Reply controlCall(String method, String what, String body) throws Exception {
    var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(mech.baseUrl() + "/_emulator/" + what))
        .method(method, body == null ? java.net.http.HttpRequest.BodyPublishers.noBody()
            : java.net.http.HttpRequest.BodyPublishers.ofString(body))
        .build();
    var r = java.net.http.HttpClient.newHttpClient().send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
    return new MechCalls.Reply(r.statusCode(), r.body(), r);
  }
}
