package dev.admp.testkit.mech;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.io.QuietException;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.eclipse.jetty.util.URIUtil;

/**
 * HTTP glue: decodes a request, applies latency, faults and the API-key check, hands API calls
 * to {@link MechApi} and control calls to {@link ControlApi}. Runs on virtual threads, so blocking
 * (reading the body, sleeping for latency) is fine here.
 */
final class EmulatorHandler extends Handler.Abstract {
  private static final String API_PREFIX = "/api/apps/";
  private static final String CONTROL_PREFIX = "/_emulator/";

  private final MechApi api;
  private final ControlApi control;
  private final FaultInjector faults;
  private final EmulatorCounters counters;
  private final ObjectMapper json;
  private final byte[] apiKey;
  /** Callbacks of requests that hang; kept so they are not collected and can be failed at stop. */
  private final Set<Callback> hung = ConcurrentHashMap.newKeySet();

  EmulatorHandler(MechApi api, ControlApi control, FaultInjector faults, EmulatorCounters counters,
      ObjectMapper json, String apiKey) {
    this.api = api;
    this.control = control;
    this.faults = faults;
    this.counters = counters;
    this.json = json;
    this.apiKey = apiKey.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public boolean handle(Request request, Response response, Callback completion) throws Exception {
    Callback callback = completion;
    String rawPath = request.getHttpURI().getPath();
    if (rawPath.startsWith(CONTROL_PREFIX)) {
      String body = Content.Source.asString(request, StandardCharsets.UTF_8);
      reply(response, callback, control.handle(request.getMethod(), rawPath.substring(CONTROL_PREFIX.length()), body));
      return true;
    }
    if (!rawPath.startsWith(API_PREFIX)) {
      reply(response, callback, ApiReply.error(404, "NOT_FOUND", "no route " + rawPath));
      return true;
    }
    List<String> segments;
    try {
      segments = decodeSegments(rawPath.substring(API_PREFIX.length()));
    } catch (IllegalArgumentException e) {
      reply(response, callback, ApiReply.error(400, "VALIDATION_ERROR", "malformed percent-encoding in the path"));
      return true;
    }
    String appId = segments.isEmpty() ? "" : segments.getFirst();
    ApiCall call = new ApiCall(request.getMethod(), segments.subList(Math.min(1, segments.size()), segments.size()),
        query(request), "");
    counters.request(call.route());

    Faults f = faults.faults();
    callback = applyConnectionPolicy(request, response, f, callback);
    if (f.latency().isPositive()) {
      Thread.sleep(f.latency());
    }
    FaultInjector.Action action = faults.decide(f);
    switch (action) {
      case HANG -> {
        hung.add(callback);
        return true;
      }
      case RESET -> {
        reset(request, callback);
        return true;
      }
      case UNAVAILABLE -> {
        reply(response, callback, ApiReply.error(503, "SERVICE_UNAVAILABLE", "injected failure"));
        return true;
      }
      case ANSWER, LOSE_REPLY -> { }
    }
    if (appId.isEmpty() || !authorized(request)) {
      reply(response, callback, ApiReply.error(401, "UNAUTHORIZED", "missing or invalid X-API-Key"));
      return true;
    }
    String body = Content.Source.asString(request, StandardCharsets.UTF_8);
    ApiReply answer = api.handle(appId, new ApiCall(call.method(), call.path(), call.query(), body));
    if (action == FaultInjector.Action.LOSE_REPLY) {
      reset(request, callback);
    } else {
      reply(response, callback, answer);
    }
    return true;
  }

  /** Fails every hanging request, so the server can stop without waiting for them. */
  void releaseHung() {
    for (Callback c : hung) {
      c.failed(new InjectedFault("emulator stopping"));
    }
    hung.clear();
  }

  private boolean authorized(Request request) {
    String given = request.getHeaders().get("X-API-Key");
    return given != null && MessageDigest.isEqual(apiKey, given.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * HTTP/1.1 gets {@code Connection: close} and the {@code Keep-Alive} hint as headers; HTTP/2
   * forbids both, so there the connection is closed once the response is out, and only the idle
   * timeout applies. Returns the callback to complete the response with.
   */
  private Callback applyConnectionPolicy(Request request, Response response, Faults f, Callback callback) {
    boolean http2 = request.getConnectionMetaData().getHttpVersion() == HttpVersion.HTTP_2;
    Callback result = callback;
    if (f.connections() == Faults.ConnectionPolicy.CLOSE_AFTER_RESPONSE) {
      if (http2) {
        var connection = request.getConnectionMetaData().getConnection();
        result = new Callback() {
          @Override
          public void succeeded() {
            callback.succeeded();
            connection.close();
          }

          @Override
          public void failed(Throwable x) {
            callback.failed(x);
          }
        };
      } else {
        response.getHeaders().put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
      }
    }
    f.keepAliveTimeout().ifPresent(t -> {
      if (!http2) {
        response.getHeaders().put("Keep-Alive", "timeout=" + t.toSeconds());
      }
      // The hint is honest: the server really drops the connection after that much idle time.
      request.getConnectionMetaData().getConnection().getEndPoint().setIdleTimeout(t.toMillis());
    });
    return result;
  }

  /** Closes the TCP connection with SO_LINGER 0, so the client sees a reset rather than a clean close. */
  private void reset(Request request, Callback callback) {
    Object transport = request.getConnectionMetaData().getConnection().getEndPoint().getTransport();
    while (transport instanceof EndPoint inner) {
      transport = inner.getTransport();
    }
    try {
      if (transport instanceof SocketChannel channel) {
        channel.setOption(StandardSocketOptions.SO_LINGER, 0);
        channel.close();
      }
    } catch (IOException ignored) {
      // Already gone: the client sees the connection end either way.
    }
    callback.failed(new InjectedFault("connection reset by the emulator"));
  }

  private void reply(Response response, Callback callback, ApiReply reply) throws IOException {
    response.setStatus(reply.status());
    if (reply.body().isEmpty()) {
      callback.succeeded();
      return;
    }
    byte[] bytes = json.writeValueAsBytes(reply.body().get());
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
    response.write(true, ByteBuffer.wrap(bytes), callback);
  }

  private static List<String> decodeSegments(String rawPath) {
    List<String> segments = new ArrayList<>();
    for (String raw : rawPath.split("/", -1)) {
      segments.add(URIUtil.decodePath(raw));
    }
    if (!segments.isEmpty() && segments.getLast().isEmpty()) {
      segments.removeLast();
    }
    return segments;
  }

  private static Map<String, List<String>> query(Request request) {
    Fields fields = Request.extractQueryParameters(request, StandardCharsets.UTF_8);
    Map<String, List<String>> query = new LinkedHashMap<>();
    for (Fields.Field field : fields) {
      query.put(field.getName(), List.copyOf(field.getValues()));
    }
    return query;
  }

  /** Ends a request on purpose; Jetty logs quiet exceptions at debug level only. */
  private static final class InjectedFault extends IOException implements QuietException {
    InjectedFault(String message) {
      super(message, null);
    }
  }
}
