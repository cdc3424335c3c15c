package dev.admp.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.admp.AdmpException;
import dev.admp.ConflictException;
import dev.admp.ForbiddenException;
import dev.admp.InvalidRequestException;
import dev.admp.NotFoundException;
import dev.admp.PayloadTooLargeException;
import dev.admp.UnauthorizedException;
import dev.admp.UnavailableException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The only place that turns failures into HTTP statuses and error bodies: the kinds of
 * {@link AdmpException}, Javalin's own responses (unknown route, wrong method), faults nobody
 * expected (500, logged once, no stack trace to the client), and errors Jetty raises before a
 * request reaches Javalin (a malformed URI).
 */
public final class ErrorMapper {
  /** Seconds a client should wait after a 503 before it retries. */
  static final int RETRY_AFTER_SECONDS = 5;
  private static final Logger LOG = LoggerFactory.getLogger(ErrorMapper.class);

  private final ObjectMapper json;

  public ErrorMapper(ObjectMapper json) {
    this.json = json;
  }

  /** HTTP status of an {@link AdmpException} kind. */
  public static int statusOf(AdmpException e) {
    return switch (e) {
      case InvalidRequestException x -> 400;
      case UnauthorizedException x -> 401;
      case ForbiddenException x -> 403;
      case NotFoundException x -> 404;
      case ConflictException x -> 409;
      case PayloadTooLargeException x -> 413;
      case UnavailableException x -> 503;
      default -> 500;
    };
  }

  void install(RoutesConfig routes) {
    routes.exception(AdmpException.class, this::admp);
    routes.exception(HttpResponseException.class, (e, ctx) ->
        render(ctx, e.getStatus(), codeOfStatus(e.getStatus()), messageOf(e, ctx)));
    routes.exception(Exception.class, (e, ctx) -> internal(ctx, e));
  }

  private void admp(AdmpException e, Context ctx) {
    int status = statusOf(e);
    if (status == 500) {
      internal(ctx, e);
      return;
    }
    if (status == 503) {
      LOG.warn("unavailable request_id={} route={} code={} cause={}", RequestIds.of(ctx), routeOf(ctx), e.code(),
          e.getMessage());
      ctx.header("Retry-After", Integer.toString(RETRY_AFTER_SECONDS));
    }
    render(ctx, status, e.code(), e.getMessage());
  }

  private void internal(Context ctx, Exception e) {
    LOG.error("internal error request_id={} method={} route={}", RequestIds.of(ctx), ctx.method(), routeOf(ctx), e);
    render(ctx, 500, "INTERNAL_ERROR", "internal error");
  }

  private void render(Context ctx, int status, String code, String message) {
    ctx.status(status);
    ctx.contentType("application/json");
    ctx.result(bytes(new ErrorBody(code, message, RequestIds.of(ctx))));
  }

  private byte[] bytes(ErrorBody body) {
    try {
      return json.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("an error body always serialises", e);
    }
  }

  private static String messageOf(HttpResponseException e, Context ctx) {
    return switch (e.getStatus()) {
      case 404 -> "no route " + ctx.method() + " " + ctx.path();
      case 405 -> "method " + ctx.method() + " is not allowed on " + ctx.path();
      default -> e.getMessage();
    };
  }

  private static String routeOf(Context ctx) {
    try {
      return ctx.endpoint().path;
    } catch (RuntimeException e) {
      return ctx.path();
    }
  }

  /** Codes for statuses that Javalin or Jetty produce themselves. */
  static String codeOfStatus(int status) {
    return switch (status) {
      case 400 -> "BAD_REQUEST";
      case 401 -> "UNAUTHORIZED";
      case 403 -> "FORBIDDEN";
      case 404 -> "NOT_FOUND";
      case 405 -> "METHOD_NOT_ALLOWED";
      case 408 -> "REQUEST_TIMEOUT";
      case 413 -> "PAYLOAD_TOO_LARGE";
      case 414 -> "URI_TOO_LONG";
      case 415 -> "UNSUPPORTED_MEDIA_TYPE";
      case 431 -> "HEADERS_TOO_LARGE";
      case 500 -> "INTERNAL_ERROR";
      case 503 -> "SERVICE_UNAVAILABLE";
      default -> "HTTP_" + status;
    };
  }

  /** Jetty's handler for errors raised outside Javalin (bad URI, oversize headers): JSON, never HTML. */
  ErrorHandler jettyErrorHandler() {
    return new JsonErrorHandler();
  }

  private final class JsonErrorHandler extends ErrorHandler {
    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
        Callback callback) throws IOException {
      response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
      response.write(true, ByteBuffer.wrap(bytes(body(code, message))), callback);
    }

    private ErrorBody body(int status, String reason) {
      String text = reason == null || reason.isBlank() ? "request rejected" : reason;
      return new ErrorBody(codeOfStatus(status), text, null);
    }
  }
}
