package dev.admp.server.webhook;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntUnaryOperator;

/** A real HTTP receiver on a random port that records every webhook POST it gets. */
final class WebhookReceiver implements AutoCloseable {
  /** Status meaning: never answer (until {@link #close()}). */
  static final int HANG = -1;

  record Received(Headers headers, String body, long receivedNanos) {
    String header(String name) {
      return headers.getFirst(name);
    }
  }

  private final HttpServer server;
  private final LinkedBlockingQueue<Received> received = new LinkedBlockingQueue<>();
  private final AtomicInteger count = new AtomicInteger();
  private final CountDownLatch closing = new CountDownLatch(1);

  /** @param statusForRequest the status to answer the n-th request (1-based) with, or {@link #HANG} */
  WebhookReceiver(IntUnaryOperator statusForRequest) throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.createContext("/hook", exchange -> {
      String body;
      try (InputStream in = exchange.getRequestBody()) {
        body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      int n = count.incrementAndGet();
      received.add(new Received(exchange.getRequestHeaders(), body, System.nanoTime()));
      int status = statusForRequest.applyAsInt(n);
      if (status == HANG) {
        try {
          closing.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        exchange.close();
        return;
      }
      exchange.sendResponseHeaders(status, -1);
      exchange.close();
    });
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
  }

  /** The next request, waiting at most {@code max}; fails the test when none comes. */
  Received next(Duration max) throws InterruptedException {
    Received r = received.poll(max.toMillis(), TimeUnit.MILLISECONDS);
    if (r == null) {
      throw new AssertionError("no webhook request within " + max);
    }
    return r;
  }

  int count() {
    return count.get();
  }

  @Override
  public void close() {
    closing.countDown();
    server.stop(0);
  }
}
