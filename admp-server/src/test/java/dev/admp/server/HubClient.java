package dev.admp.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.admp.protocol.envelope.EnvelopeSignature;
import dev.admp.protocol.httpsig.HttpSignatures;
import dev.admp.protocol.httpsig.SignedHeaders;
import dev.admp.protocol.json.JsJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Raw HTTP calls to a hub, optionally signed as an agent (HTTP Signature over the path exactly
 * as sent) and carrying an operator key. Immutable: {@code as}, {@code unsigned}, {@code withHeader}
 * return new clients.
 */
public final class HubClient {
  private final HttpClient http;
  private final int port;
  private final Clock clock;
  private final Optional<TestAgent> signer;
  private final List<String> headers;

  /**
   * A client of the hub on {@code port}. Each hub gets its own {@link HttpClient}: a shared one
   * would keep idle connections to a stopped hub whose port the next hub may be given.
   */
  public HubClient(HttpClient http, int port, Clock clock) {
    this(http, port, clock, Optional.empty(), List.of());
  }

  private HubClient(HttpClient http, int port, Clock clock, Optional<TestAgent> signer, List<String> headers) {
    this.http = http;
    this.port = port;
    this.clock = clock;
    this.signer = signer;
    this.headers = List.copyOf(headers);
  }

  /** Signs every request as {@code agent}. */
  public HubClient as(TestAgent agent) {
    return new HubClient(http, port, clock, Optional.of(agent), headers);
  }

  public HubClient unsigned() {
    return new HubClient(http, port, clock, Optional.empty(), headers);
  }

  public HubClient withHeader(String name, String value) {
    List<String> more = new ArrayList<>(headers);
    more.add(name);
    more.add(value);
    return new HubClient(http, port, clock, signer, more);
  }

  public int port() {
    return port;
  }

  /** An HTTP/1.1 client for one hub. */
  public static HttpClient newHttpClient() {
    return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
  }

  /** {@code encodeURIComponent} as JavaScript clients apply it to ids in paths. */
  public static String enc(String id) {
    return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20").replace("%7E", "~")
        .replace("%21", "!").replace("%27", "'").replace("%28", "(").replace("%29", ")").replace("%2A", "*");
  }

  public Response get(String rawTarget) {
    return send("GET", rawTarget, null);
  }

  public Response delete(String rawTarget) {
    return send("DELETE", rawTarget, null);
  }

  public Response post(String rawTarget, String body) {
    return send("POST", rawTarget, body);
  }

  public Response post(String rawTarget, JsonNode body) {
    return send("POST", rawTarget, JsJson.stringify(body));
  }

  /** Sends {@code rawTarget} (path and query, already encoded) exactly as given. */
  public Response send(String method, String rawTarget, String body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + rawTarget))
        .timeout(Duration.ofSeconds(60))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    signer.ifPresent(agent -> {
      SignedHeaders signed = HttpSignatures.sign(method, rawTarget, "localhost:" + port, clock.instant(), agent.id(),
          agent.keys().secretKey());
      request.header("Date", signed.date()).header("Signature", signed.signature());
    });
    for (int i = 0; i < headers.size(); i += 2) {
      request.header(headers.get(i), headers.get(i + 1));
    }
    try {
      HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(response.statusCode(), response.headers().map(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  // ---- ADMP conveniences

  /** Registers the agent with its own public key; asserts nothing. */
  public Response register(TestAgent agent) {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.put("agent_id", agent.id());
    body.put("public_key", agent.publicKey());
    return unsigned().post("/api/agents/register", body);
  }

  /** An unsigned envelope from {@code from} to {@code to}, stamped with this client's clock. */
  public ObjectNode envelope(TestAgent from, String to, String subject) {
    ObjectNode envelope = JsonNodeFactory.instance.objectNode();
    envelope.put("version", "1.0");
    envelope.put("type", "task.request");
    envelope.put("from", from.id());
    if (to != null) {
      envelope.put("to", to);
    }
    envelope.put("subject", subject);
    envelope.putObject("body").put("n", 1);
    envelope.put("timestamp", clock.instant().toString());
    return envelope;
  }

  public static ObjectNode signed(ObjectNode envelope, TestAgent signer) {
    return EnvelopeSignature.sign(envelope, signer.keys().secretKey(), signer.id());
  }

  /** SENDs a signed envelope from {@code from} to {@code to}'s inbox. */
  public Response send(TestAgent from, TestAgent to, String subject) {
    return unsigned().post("/api/agents/" + enc(to.id()) + "/messages", signed(envelope(from, to.id(), subject), from));
  }

  /** One HTTP response; {@code json()} parses the body. */
  public record Response(int status, Map<String, List<String>> headers, String body) {
    public JsonNode json() {
      return JsJson.parse(body);
    }

    public String error() {
      return json().path("error").asText();
    }

    public Optional<String> header(String name) {
      return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
          .flatMap(e -> e.getValue().stream()).findFirst();
    }
  }
}
