package dev.admp.server;

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

/** A webhook receiver that records each delivery and then answers only after {@link #STALL}. */
final class StallingWebhook implements AutoCloseable {
  static final Duration STALL = Duration.ofSeconds(3);

  record Delivery(String event, String body) {}

  private final HttpServer server;
  private final LinkedBlockingQueue<Delivery> deliveries = new LinkedBlockingQueue<>();
  private final CountDownLatch closing = new CountDownLatch(1);

  StallingWebhook() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.createContext("/hook", exchange -> {
      try (InputStream in = exchange.getRequestBody()) {
        deliveries.add(new Delivery(exchange.getRequestHeaders().getFirst("X-ADMP-Event"),
            new String(in.readAllBytes(), StandardCharsets.UTF_8)));
      }
      try {
        closing.await(STALL.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      exchange.sendResponseHeaders(200, -1);
      exchange.close();
    });
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
  }

  Delivery next(Duration max) throws InterruptedException {
    Delivery delivery = deliveries.poll(max.toMillis(), TimeUnit.MILLISECONDS);
    if (delivery == null) {
      throw new AssertionError("no webhook delivery within " + max);
    }
    return delivery;
  }

  @Override
  public void close() {
    closing.countDown();
    server.stop(0);
  }
}
