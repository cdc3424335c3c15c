package dev.admp.testkit.mech;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Raw Mech API calls over the JDK client, for emulator tests. */
final class MechCalls {
  static final ObjectMapper JSON = new ObjectMapper();

  record Reply(int status, String body, HttpResponse<String> raw) {
    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    String errorCode() {
      return json().path("error").path("code").asText();
    }
  }

  private final HttpClient client;
  private final String appBase;
  private final String apiKey;

  MechCalls(HttpClient client, String baseUrl, String appId, String apiKey) {
    this.client = client;
    this.appBase = baseUrl + "/api/apps/" + appId;
    this.apiKey = apiKey;
  }

  static MechCalls to(MechEmulator mech, String appId) {
    return new MechCalls(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(), mech.baseUrl(), appId,
        mech.apiKey());
  }

  MechCalls withKey(String key) {
    return new MechCalls(client, appBase.substring(0, appBase.indexOf("/api/apps/")),
        appBase.substring(appBase.indexOf("/api/apps/") + 10), key);
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20").replace(".", "%2E");
  }

  Reply create(String collection, String key, String dataJson) {
    return send("POST", "/nosql/documents",
        "{\"collection_name\":\"" + collection + "\",\"document_key\":" + quote(key) + ",\"data\":" + dataJson + "}");
  }

  Reply get(String collection, String key) {
    return send("GET", "/nosql/documents/key/" + enc(key) + "?collection_name=" + enc(collection), null);
  }

  Reply update(String collection, String key, String bodyJson) {
    return send("PUT", "/nosql/documents/" + enc(collection) + "/" + enc(key), bodyJson);
  }

  Reply delete(String collection, String key) {
    return send("DELETE", "/nosql/documents/" + enc(collection) + "/" + enc(key), null);
  }

  Reply list(String collection, String extraQuery) {
    return send("GET", "/nosql/documents?collection_name=" + enc(collection) + extraQuery, null);
  }

  Reply batch(String bodyJson) {
    return send("POST", "/nosql/batch", bodyJson);
  }

  Reply send(String method, String path, String body) {
    try {
      return sendOrThrow(method, path, body, Duration.ofSeconds(20));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  Reply sendOrThrow(String method, String path, String body, Duration timeout)
      throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(appBase + path)).timeout(timeout)
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (apiKey != null) {
      b.header("X-API-Key", apiKey);
    }
    if (body != null) {
      b.header("Content-Type", "application/json");
    }
    HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    return new Reply(r.statusCode(), r.body(), r);
  }

  static String quote(String s) {
    try {
      return JSON.writeValueAsString(s);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
