package dev.admp.testkit.mech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MechEmulatorTlsTest {
  private static MechEmulator mech;

  @BeforeAll
  static void start() {
    mech = new MechEmulator(MechEmulator.Options.defaults().withTls()).start();
  }

  @AfterAll
  static void stop() {
    mech.close();
  }

  private static MechCalls client(SSLContext trust, String baseUrl) {
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(trust).build();
    return new MechCalls(http, baseUrl, "tls", mech.apiKey());
  }

  @Test
  void servesTheApiOverHttpsToAClientTrustingItsCa() {
    MechCalls calls = client(mech.clientSslContext(), mech.baseUrl());

    assertThat(mech.baseUrl()).startsWith("https://127.0.0.1:");
    assertThat(calls.create("c", "k", "{\"a\":1}").status()).isEqualTo(201);
    assertThat(calls.get("c", "k").json().path("data").path("document").path("a").asInt()).isEqualTo(1);
  }

  @Test
  void thePemCaIsEnoughToTrustTheServerByNameAndByAddress() {
    String pem = mech.caPem();
    SSLContext fromPem = EmulatorTls.trustingPem(pem);

    assertThat(pem).startsWith("-----BEGIN CERTIFICATE-----\n").endsWith("-----END CERTIFICATE-----\n");
    assertThat(client(fromPem, "https://localhost:" + mech.port()).list("c", "").status()).isEqualTo(200);
    assertThat(client(fromPem, mech.baseUrl()).list("c", "").status()).isEqualTo(200);
  }

  @Test
  void aClientThatDoesNotTrustTheCaIsRefused() throws Exception {
    MechCalls calls = client(SSLContext.getDefault(), mech.baseUrl());

    assertThatThrownBy(() -> calls.sendOrThrow("GET", "/nosql/documents?collection_name=c", null, Duration.ofSeconds(5)))
        .isInstanceOf(IOException.class)
        .hasStackTraceContaining("PKIX");
  }

  @Test
  void connectionsAreCountedBeneathTls() {
    MechCalls calls = client(mech.clientSslContext(), mech.baseUrl());
    mech.resetCounters();

    for (int i = 0; i < 3; i++) {
      calls.list("c", "");
    }
    mech.faults(Faults.NONE.withConnections(Faults.ConnectionPolicy.CLOSE_AFTER_RESPONSE));
    for (int i = 0; i < 3; i++) {
      calls.list("c", "");
    }
    mech.faults(Faults.NONE);

    // One kept-alive connection for the first three; the fourth reuses it and closes it, then one each.
    // HTTP/2 ends a connection with GOAWAY after the response; a client that already sent its next
    // request on it before the GOAWAY arrived is still served there, so a busy machine may see fewer
    // connections than requests — but never one connection for all of them.
    assertThat(mech.stats().connectionsAccepted()).isBetween(2L, 3L);
    assertThat(mech.stats().requests(Route.LIST)).isEqualTo(6);
  }

  @Test
  void resetWorksBeneathTls() {
    MechCalls calls = client(mech.clientSslContext(), mech.baseUrl());
    mech.faults(Faults.NONE.withResetRate(1));
    try {
      assertThatThrownBy(() -> calls.sendOrThrow("DELETE", "/nosql/documents/c/x", null, Duration.ofSeconds(10)))
          .isInstanceOf(IOException.class);
    } finally {
      mech.faults(Faults.NONE);
    }
  }

  @Test
  void offersHttp2AndMultiplexesParallelRequestsOnOneConnection() throws Exception {
    HttpClient http2 = HttpClient.newBuilder().sslContext(mech.clientSslContext()).build();
    MechCalls calls = new MechCalls(http2, mech.baseUrl(), "h2", mech.apiKey());
    assertThat(calls.list("c", "").raw().version()).isEqualTo(HttpClient.Version.HTTP_2);
    mech.resetCounters();

    java.util.List<java.util.concurrent.CompletableFuture<Integer>> parallel = new java.util.ArrayList<>();
    for (int i = 0; i < 20; i++) {
      parallel.add(java.util.concurrent.CompletableFuture.supplyAsync(() -> calls.list("c", "").status()));
    }

    assertThat(parallel).allSatisfy(f -> assertThat(f.join()).isEqualTo(200));
    assertThat(mech.stats().connectionsAccepted()).isZero();
    assertThat(mech.stats().requests(Route.LIST)).isEqualTo(20);
  }

  @Test
  void closeAfterResponseAlsoClosesHttp2Connections() {
    MechCalls calls = new MechCalls(HttpClient.newBuilder().sslContext(mech.clientSslContext()).build(),
        mech.baseUrl(), "h2", mech.apiKey());
    mech.resetCounters();
    mech.faults(Faults.NONE.withConnections(Faults.ConnectionPolicy.CLOSE_AFTER_RESPONSE));
    try {
      for (int i = 0; i < 3; i++) {
        assertThat(calls.list("c", "").raw().version()).isEqualTo(HttpClient.Version.HTTP_2);
      }
    } finally {
      mech.faults(Faults.NONE);
    }

    // HTTP/2 ends a connection with GOAWAY after the response; a client that already sent its next
    // request on it before the GOAWAY arrived is still served there, so a busy machine may see fewer
    // connections than requests — but never one connection for all of them.
    assertThat(mech.stats().connectionsAccepted()).isBetween(2L, 3L);
  }
}
