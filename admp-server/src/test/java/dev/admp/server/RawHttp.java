package dev.admp.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, for requests no well-behaved client would send: raw request
 * targets, lying or absent lengths, chunked bodies. One request per connection.
 */
public final class RawHttp {
  private final int port;

  public RawHttp(int port) {
    this.port = port;
  }

  /** A parsed response; header names in lower case. */
  public record Response(int status, Map<String, String> headers, String body) {}

  /** Sends {@code method target} with the given extra header lines and a body with Content-Length. */
  public Response send(String method, String target, String body, String... headers) throws IOException {
    byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
    StringBuilder head = new StringBuilder(method + " " + target + " HTTP/1.1\r\nHost: localhost:" + port + "\r\n");
    for (String header : headers) {
      head.append(header).append("\r\n");
    }
    head.append("Content-Type: application/json\r\nContent-Length: ").append(bytes.length)
        .append("\r\nConnection: close\r\n\r\n");
    return exchange(concat(head.toString().getBytes(StandardCharsets.UTF_8), bytes));
  }

  /** Sends the body in chunks of {@code chunkSize} bytes, without a Content-Length. */
  public Response sendChunked(String method, String target, byte[] body, int chunkSize, String... headers)
      throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    StringBuilder head = new StringBuilder(method + " " + target + " HTTP/1.1\r\nHost: localhost:" + port + "\r\n");
    for (String header : headers) {
      head.append(header).append("\r\n");
    }
    head.append("Content-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n");
    out.writeBytes(head.toString().getBytes(StandardCharsets.US_ASCII));
    for (int i = 0; i < body.length; i += chunkSize) {
      int n = Math.min(chunkSize, body.length - i);
      out.writeBytes((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
      out.write(body, i, n);
      out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
    }
    out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    return exchange(out.toByteArray());
  }

  /** Sends the bytes as they are and reads the response until the server closes. */
  public Response exchange(byte[] request) throws IOException {
    try (Socket socket = new Socket("localhost", port)) {
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      try {
        out.write(request);
        out.flush();
      } catch (IOException e) {
        // The server may answer (413) and close before it read everything; read what it said.
      }
      return parse(socket.getInputStream());
    }
  }

  /** Sends the bytes, then closes the sending side (the body ends early), and reads the response. */
  public Response exchangeHalfClosed(byte[] request) throws IOException {
    try (Socket socket = new Socket("localhost", port)) {
      socket.setSoTimeout(30_000);
      socket.getOutputStream().write(request);
      socket.getOutputStream().flush();
      socket.shutdownOutput();
      return parse(socket.getInputStream());
    }
  }

  /**
   * Sends each request on one keep-alive connection, each after the previous response, and
   * returns the responses; a request that got no response ends the list early.
   */
  public java.util.List<Response> keepAlive(byte[]... requests) throws IOException {
    java.util.List<Response> responses = new java.util.ArrayList<>();
    try (Socket socket = new Socket("localhost", port)) {
      socket.setSoTimeout(10_000);
      InputStream in = new java.io.BufferedInputStream(socket.getInputStream());
      for (byte[] request : requests) {
        try {
          socket.getOutputStream().write(request);
          socket.getOutputStream().flush();
          responses.add(parse(in));
        } catch (IOException | RuntimeException e) {
          break;
        }
      }
    }
    return responses;
  }

  private static Response parse(InputStream in) throws IOException {
    String statusLine = line(in);
    int status = Integer.parseInt(statusLine.split(" ")[1]);
    Map<String, String> headers = new LinkedHashMap<>();
    for (String line = line(in); !line.isEmpty(); line = line(in)) {
      int colon = line.indexOf(':');
      headers.put(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), line.substring(colon + 1).strip());
    }
    byte[] body;
    if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      for (int size = Integer.parseInt(line(in).strip(), 16); size > 0; size = Integer.parseInt(line(in).strip(), 16)) {
        out.writeBytes(in.readNBytes(size));
        line(in);
      }
      body = out.toByteArray();
    } else if (headers.containsKey("content-length")) {
      body = in.readNBytes(Integer.parseInt(headers.get("content-length")));
    } else {
      body = in.readAllBytes();
    }
    return new Response(status, headers, new String(body, StandardCharsets.UTF_8));
  }

  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int b = in.read(); b != -1 && b != '\n'; b = in.read()) {
      if (b != '\r') {
        out.write(b);
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] all = new byte[a.length + b.length];
    System.arraycopy(a, 0, all, 0, a.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }
}
