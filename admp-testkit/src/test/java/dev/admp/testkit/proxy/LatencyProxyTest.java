package dev.admp.testkit.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.admp.testkit.mech.MechEmulator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LatencyProxyTest {
  private static final Duration RTT = Duration.ofMillis(100);

  private EchoServer echo;
  private LatencyProxy proxy;

  @BeforeEach
  void start() throws IOException {
    echo = new EchoServer();
    proxy = LatencyProxy.start(echo.address(), RTT);
  }

  @AfterEach
  void stop() throws IOException {
    proxy.close();
    echo.close();
  }

  private Socket connect() throws IOException {
    Socket s = new Socket(InetAddress.getLoopbackAddress(), proxy.port());
    s.setTcpNoDelay(true);
    s.setSoTimeout(10_000);
    return s;
  }

  private static Duration roundTrip(Socket s, byte b) throws IOException {
    long start = System.nanoTime();
    s.getOutputStream().write(b);
    s.getOutputStream().flush();
    assertThat(s.getInputStream().read()).isEqualTo(b & 0xff);
    return Duration.ofNanos(System.nanoTime() - start);
  }

  @Test
  void aRequestOnANewConnectionTakesTwoRoundTrips() throws IOException {
    try (Socket s = connect()) {
      assertThat(roundTrip(s, (byte) 1)).isGreaterThanOrEqualTo(RTT.multipliedBy(2));
    }
  }

  @Test
  void aRequestOnAnEstablishedConnectionTakesAtLeastOneRoundTrip() throws IOException {
    try (Socket s = connect()) {
      roundTrip(s, (byte) 1);

      assertThat(roundTrip(s, (byte) 2)).isGreaterThanOrEqualTo(RTT);
    }
  }

  @Test
  void bytesArriveIntactAndInOrder() throws Exception {
    byte[] payload = new byte[1 << 20];
    new Random(7).nextBytes(payload);
    try (Socket s = connect()) {
      CompletableFuture<byte[]> received = CompletableFuture.supplyAsync(() -> readExactly(s, payload.length));
      OutputStream out = s.getOutputStream();
      for (int off = 0; off < payload.length; off += 1000) {
        out.write(payload, off, Math.min(1000, payload.length - off));
      }
      out.flush();

      assertThat(received.get()).isEqualTo(payload);
    }
  }

  private static byte[] readExactly(Socket s, int n) {
    try {
      InputStream in = s.getInputStream();
      ByteArrayOutputStream got = new ByteArrayOutputStream(n);
      byte[] buf = new byte[8192];
      while (got.size() < n) {
        int r = in.read(buf, 0, Math.min(buf.length, n - got.size()));
        if (r < 0) {
          break;
        }
        got.write(buf, 0, r);
      }
      return got.toByteArray();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void aHalfCloseIsPassedOnAfterTheData() throws IOException {
    try (Socket s = connect()) {
      s.getOutputStream().write(new byte[] {1, 2, 3});
      s.shutdownOutput();

      assertThat(s.getInputStream().readAllBytes()).containsExactly(1, 2, 3);
    }
  }

  @Test
  void countsAcceptedConnections() throws IOException {
    for (int i = 0; i < 3; i++) {
      try (Socket s = connect()) {
        roundTrip(s, (byte) i);
      }
    }

    assertThat(proxy.connectionsAccepted()).isEqualTo(3);
  }

  @Test
  void theRoundTripTimeCanChangeWhileRunning() throws IOException {
    proxy.rtt(Duration.ofMillis(300));
    try (Socket s = connect()) {
      assertThat(roundTrip(s, (byte) 1)).isGreaterThanOrEqualTo(Duration.ofMillis(600));
    }
    assertThat(proxy.rtt()).isEqualTo(Duration.ofMillis(300));
  }

  @Test
  void closeRefusesNewConnectionsAndCutsOpenOnes() throws IOException {
    Socket s = connect();
    roundTrip(s, (byte) 1);

    proxy.close();

    assertThat(proxy.openConnections()).isZero();
    assertThat(s.getInputStream().read()).isEqualTo(-1);
    assertThatThrownBy(this::connect).isInstanceOf(ConnectException.class);
    s.close();
  }

  @Test
  void carriesHttpsToTheMechEmulator() throws Exception {
    try (MechEmulator mech = new MechEmulator(MechEmulator.Options.defaults().withTls()).start();
        LatencyProxy toMech = LatencyProxy.start(new InetSocketAddress("127.0.0.1", mech.port()), RTT)) {
      HttpClient client = HttpClient.newBuilder().sslContext(mech.clientSslContext()).build();
      HttpRequest list = HttpRequest.newBuilder(
              URI.create("https://127.0.0.1:" + toMech.port() + "/api/apps/a/nosql/documents?collection_name=c"))
          .header("X-API-Key", mech.apiKey()).build();

      long start = System.nanoTime();
      HttpResponse<String> first = client.send(list, HttpResponse.BodyHandlers.ofString());
      Duration firstTook = Duration.ofNanos(System.nanoTime() - start);
      start = System.nanoTime();
      HttpResponse<String> second = client.send(list, HttpResponse.BodyHandlers.ofString());
      Duration secondTook = Duration.ofNanos(System.nanoTime() - start);

      assertThat(first.statusCode()).isEqualTo(200);
      assertThat(second.statusCode()).isEqualTo(200);
      // TCP set-up, TLS handshake, request: at least three round trips; then one.
      assertThat(firstTook).isGreaterThanOrEqualTo(RTT.multipliedBy(3));
      assertThat(secondTook).isGreaterThanOrEqualTo(RTT);
      assertThat(toMech.connectionsAccepted()).isEqualTo(1);
      assertThat(mech.stats().connectionsAccepted()).isEqualTo(1);
    }
  }
}
