package dev.admp.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.admp.protocol.json.JsJson;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A scripted HTTP server on a real socket (port 0) that records each request exactly as it
 * arrived and answers with the next scripted response; the SDK is tested against it without a hub.
 */
final class StubHub implements AutoCloseable {
  private final HttpServer server;
  private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
  private final ConcurrentLinkedQueue<Scripted> script = new ConcurrentLinkedQueue<>();

  private record Scripted(int status, String body) {}

  /** A request as it arrived: method, request target as sent, headers and body. */
  record Received(String method, String target, com.sun.net.httpserver.Headers headers, byte[] body) {
    Optional<String> header(String name) {
      return Optional.ofNullable(headers.getFirst(name));
    }

    String bodyText() {
      return new String(body, StandardCharsets.UTF_8);
    }

    JsonNode json() {
      return JsJson.parse(body);
    }
  }

  private StubHub() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  static StubHub start() {
    try {
      return new StubHub();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** Answers the next request with this status and body (no body for 204). */
  StubHub respond(int status, String body) {
    script.add(new Scripted(status, body));
    return this;
  }

  /** The next request that arrived (waits up to 5 s). */
  Received take() throws InterruptedException {
    Received next = received.poll(5, TimeUnit.SECONDS);
    if (next == null) {
      throw new AssertionError("no request reached the stub hub");
    }
    return next;
  }

  private void handle(HttpExchange exchange) throws IOException {
    byte[] body = exchange.getRequestBody().readAllBytes();
    received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath()
        + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery()),
        exchange.getRequestHeaders(), body));
    Scripted next = script.poll();
    if (next == null) {
      next = new Scripted(500, "{\"error\":\"INTERNAL_ERROR\",\"message\":\"no scripted response\"}");
    }
    if (next.status() == 204) {
      exchange.sendResponseHeaders(204, -1);
    } else {
      byte[] bytes = next.body().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(next.status(), bytes.length == 0 ? -1 : bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
    exchange.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
