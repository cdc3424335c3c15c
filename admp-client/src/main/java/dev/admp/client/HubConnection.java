package dev.admp.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.admp.protocol.httpsig.HttpSignatures;
import dev.admp.protocol.httpsig.SignedHeaders;
import dev.admp.protocol.json.InvalidJsonException;
import dev.admp.protocol.json.JsJson;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * The HTTP layer of the client: builds requests, signs them, and turns responses into JSON or
 * {@link AdmpClientException}. Immutable and thread-safe; the {@link HttpClient} pools connections.
 */
final class HubConnection {
  private final HttpClient http;
  private final String base;
  private final Optional<String> apiKey;
  private final Duration timeout;
  private final Clock clock;
  private final Optional<AgentKey> agent;

  HubConnection(HttpClient http, URI baseUrl, Optional<String> apiKey, Duration timeout, Clock clock,
      Optional<AgentKey> agent) {
    this.http = http;
    String url = baseUrl.toString();
    this.base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    this.apiKey = apiKey;
    this.timeout = timeout;
    this.clock = clock;
    this.agent = agent;
  }

  HubConnection withAgent(AgentKey newAgent) {
    return new HubConnection(http, URI.create(base), apiKey, timeout, clock, Optional.of(newAgent));
  }

  Optional<AgentKey> agent() {
    return agent;
  }

  AgentKey requireAgent() {
    return agent.orElseThrow(() -> new IllegalStateException(
        "this client has no agent; build it with agent(id, secretKey) or call withAgent"));
  }

  Clock clock() {
    return clock;
  }

  String base() {
    return base;
  }

  /** Sends the call; a 2xx gives its JSON (missing when the body is empty), anything else throws. */
  HubResponse exchange(Call call) {
    URI uri = URI.create(base + call.path());
    HttpRequest.Builder request = HttpRequest.newBuilder(uri)
        .timeout(timeout.plus(call.extraWait()))
        .header("Accept", "application/json");
    if ("http".equalsIgnoreCase(uri.getScheme())) {
      request.version(HttpClient.Version.HTTP_1_1); // no h2c upgrade dance on cleartext
    }
    call.body().ifPresentOrElse(
        body -> request.header("Content-Type", "application/json")
            .method(call.method(), HttpRequest.BodyPublishers.ofString(JsJson.stringify(body), StandardCharsets.UTF_8)),
        () -> request.method(call.method(), HttpRequest.BodyPublishers.noBody()));
    apiKey.ifPresent(key -> request.header("X-API-Key", key));
    call.headers().forEach(request::header);
    if (call.auth() == Call.Auth.AGENT_SIGNATURE) {
      AgentKey key = requireAgent();
      SignedHeaders signed = HttpSignatures.sign(call.method(), requestTarget(uri), hostHeader(uri),
          clock.instant(), key.agentId(), key.secretKey());
      request.header("Date", signed.date()).header("Signature", signed.signature());
    }
    return interpret(send(request.build()));
  }

  private HttpResponse<byte[]> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (HttpTimeoutException e) {
      throw new AdmpClientException(0, AdmpClientException.TIMEOUT,
          request.method() + " " + request.uri().getRawPath() + " timed out", e);
    } catch (IOException e) {
      throw new AdmpClientException(0, AdmpClientException.CONNECTION_FAILED,
          request.method() + " " + request.uri().getRawPath() + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AdmpClientException(0, AdmpClientException.INTERRUPTED, "interrupted while waiting for the hub", e);
    }
  }

  private static HubResponse interpret(HttpResponse<byte[]> response) {
    int status = response.statusCode();
    byte[] bytes = response.body();
    boolean success = status >= 200 && status < 300;
    JsonNode json;
    try {
      json = bytes == null || bytes.length == 0 ? MissingNode.getInstance() : JsJson.parse(bytes);
    } catch (InvalidJsonException e) {
      if (success) {
        throw new AdmpClientException(0, AdmpClientException.INVALID_RESPONSE,
            "the hub answered " + status + " with malformed JSON", e);
      }
      json = MissingNode.getInstance();
    }
    if (success) {
      return new HubResponse(status, json);
    }
    String code = json.path("error").isTextual() ? json.get("error").textValue() : "HTTP_" + status;
    String message = json.path("message").isTextual() ? json.get("message").textValue() : "";
    throw new AdmpClientException(status, code, message, null);
  }

  /** The request target as the JDK client writes it in the request line. */
  static String requestTarget(URI uri) {
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
  }

  /** The {@code Host} header as the JDK client writes it: the port only when not the default. */
  static String hostHeader(URI uri) {
    int port = uri.getPort();
    boolean https = "https".equalsIgnoreCase(uri.getScheme());
    boolean defaultPort = port == -1 || port == (https ? 443 : 80);
    return defaultPort ? uri.getHost() : uri.getHost() + ":" + port;
  }

  /** A successful response: its status and JSON body ({@code MissingNode} when empty). */
  record HubResponse(int status, JsonNode json) {}
}
