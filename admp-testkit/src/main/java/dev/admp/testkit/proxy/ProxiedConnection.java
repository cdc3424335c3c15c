package dev.admp.testkit.proxy;

import java.io.IOException;
import java.net.Socket;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/** One client connection and its upstream, joined by two delayed pipes; closes both when either side ends. */
final class ProxiedConnection {
  private final Socket client;
  private final Socket upstream;
  private final DelayedPipe toUpstream;
  private final DelayedPipe toClient;
  private final AtomicInteger running = new AtomicInteger(2);
  private final CountDownLatch ended = new CountDownLatch(1);
  private final Consumer<ProxiedConnection> onClosed;

  ProxiedConnection(Socket client, Socket upstream, long establishedAt, AtomicLong rttNanos,
      Consumer<ProxiedConnection> onClosed) throws IOException {
    this.client = client;
    this.upstream = upstream;
    this.onClosed = onClosed;
    this.toUpstream = new DelayedPipe(client, upstream, establishedAt, rttNanos, this::pipeEnded);
    this.toClient = new DelayedPipe(upstream, client, establishedAt, rttNanos, this::pipeEnded);
  }

  void start() {
    String name = "latency-proxy-" + client.getPort();
    toUpstream.start(name + "-up");
    toClient.start(name + "-down");
  }

  /** A pipe ends cleanly (EOF passed on) or on an error; on an error the whole connection goes. */
  private void pipeEnded(boolean failed) {
    if (failed) {
      close();
    }
    if (running.decrementAndGet() == 0) {
      close();
      onClosed.accept(this);
      ended.countDown();
    }
  }

  void close() {
    LatencyProxy.closeQuietly(client);
    LatencyProxy.closeQuietly(upstream);
    toUpstream.stop();
    toClient.stop();
  }

  void awaitEnd() throws InterruptedException {
    ended.await();
  }
}
