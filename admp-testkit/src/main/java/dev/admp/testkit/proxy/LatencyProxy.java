package dev.admp.testkit.proxy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP proxy on loopback that makes a local server look remote.
 *
 * <p>Bytes flowing either way are delivered half an RTT after the proxy read them, in the order
 * they were read. A new connection counts as established one RTT after it was accepted (the TCP
 * handshake it would have paid), so a request on a fresh connection takes about two RTTs and one
 * on a reused connection about one. The RTT can change while the proxy runs; it applies to bytes
 * read from then on and to connections accepted from then on.
 *
 * <p>Thread-safe. Each connection uses four virtual threads (a reader and a writer per direction).
 */
public final class LatencyProxy implements AutoCloseable {
  private final InetSocketAddress target;
  private final ServerSocket server;
  private final AtomicLong rttNanos;
  private final AtomicLong accepted = new AtomicLong();
  private final Set<ProxiedConnection> open = ConcurrentHashMap.newKeySet();
  private final Thread acceptor;
  private volatile boolean closed;

  private LatencyProxy(InetSocketAddress target, Duration rtt) throws IOException {
    this.target = target;
    this.rttNanos = new AtomicLong(requireRtt(rtt).toNanos());
    this.server = new ServerSocket(0, 128, InetAddress.getLoopbackAddress());
    this.acceptor = Thread.ofVirtual().name("latency-proxy-accept-" + server.getLocalPort()).start(this::acceptLoop);
  }

  /** Starts a proxy on a free loopback port that forwards to {@code target}. */
  public static LatencyProxy start(InetSocketAddress target, Duration rtt) {
    Objects.requireNonNull(target, "target");
    try {
      return new LatencyProxy(target, rtt);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the latency proxy", e);
    }
  }

  public int port() {
    return server.getLocalPort();
  }

  public InetSocketAddress target() {
    return target;
  }

  public Duration rtt() {
    return Duration.ofNanos(rttNanos.get());
  }

  /** Changes the round-trip time for bytes read and connections accepted from now on. */
  public void rtt(Duration rtt) {
    rttNanos.set(requireRtt(rtt).toNanos());
  }

  /** Connections accepted since the proxy started. */
  public long connectionsAccepted() {
    return accepted.get();
  }

  /** Connections being proxied right now. */
  public int openConnections() {
    return open.size();
  }

  private static Duration requireRtt(Duration rtt) {
    if (rtt == null || rtt.isNegative()) {
      throw new IllegalArgumentException("rtt must be zero or positive, was " + rtt);
    }
    return rtt;
  }

  private void acceptLoop() {
    while (!closed) {
      Socket client;
      try {
        client = server.accept();
      } catch (IOException e) {
        if (closed) {
          return;
        }
        continue;
      }
      long acceptedAt = System.nanoTime();
      accepted.incrementAndGet();
      long rtt = rttNanos.get();
      try {
        Socket upstream = new Socket();
        upstream.setTcpNoDelay(true);
        upstream.connect(target);
        client.setTcpNoDelay(true);
        ProxiedConnection connection = new ProxiedConnection(client, upstream, acceptedAt + rtt, rttNanos, open::remove);
        open.add(connection);
        connection.start();
        if (closed) {
          connection.close();
        }
      } catch (IOException e) {
        closeQuietly(client);
      }
    }
  }

  /** Stops accepting and cuts every open connection; returns once the acceptor has ended. */
  @Override
  public void close() {
    closed = true;
    closeQuietly(server);
    for (ProxiedConnection c : open) {
      c.close();
    }
    try {
      acceptor.join();
      for (ProxiedConnection c : open) {
        c.awaitEnd();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static void closeQuietly(AutoCloseable c) {
    try {
      c.close();
    } catch (Exception ignored) {
      // Closing on the way out: nothing useful to do with a failure.
    }
  }
}
