package dev.admp.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.admp.InvalidRequestException;
import dev.admp.PayloadTooLargeException;
import dev.admp.protocol.json.InvalidJsonException;
import dev.admp.protocol.json.JsJson;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads request bodies: at most {@code maxBytes}, whatever the framing (the declared
 * {@code Content-Length} is checked first, a chunked body is cut off while it is read), strictly
 * UTF-8, then parsed as JSON the way JavaScript reads it ({@link JsJson#parse(String)}, depth-limited).
 */
public final class JsonBodies {
  private final int maxBytes;

  public JsonBodies(int maxBytes) {
    this.maxBytes = maxBytes;
  }

  /**
   * The body as a JSON object; an empty body is {@code {}}. Not JSON → 400 {@code INVALID_JSON};
   * JSON but not an object → 400 {@code code}.
   */
  public ObjectNode object(Context ctx, String code) {
    String text = text(ctx);
    if (text.isBlank()) {
      return JsonNodeFactory.instance.objectNode();
    }
    JsonNode node = parse(text);
    if (node instanceof ObjectNode object) {
      return object;
    }
    throw new InvalidRequestException(code, "request body must be a JSON object, was " + JsonFields.typeOf(node));
  }

  /** The raw body as UTF-8 text; malformed UTF-8 is {@code INVALID_JSON}. */
  public String text(Context ctx) {
    byte[] bytes = read(ctx);
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new InvalidRequestException("INVALID_JSON", "request body is not valid UTF-8");
    }
  }

  /** JavaScript semantics where they matter (key order, exact numbers), with a nesting limit. */
  private static JsonNode parse(String text) {
    try {
      return JsJson.parse(text);
    } catch (InvalidJsonException e) {
      throw new InvalidRequestException("INVALID_JSON", "request body is not valid JSON: " + e.getMessage());
    }
  }

  private byte[] read(Context ctx) {
    long declared = ctx.req().getContentLengthLong();
    if (declared > maxBytes) {
      throw tooLarge();
    }
    try (InputStream in = ctx.req().getInputStream()) {
      byte[] bytes = in.readNBytes(maxBytes + 1);
      if (bytes.length > maxBytes) {
        throw tooLarge();
      }
      return bytes;
    } catch (IOException e) {
      // The client went away or stalled mid-body; nobody may read this answer, but it is theirs.
      throw new InvalidRequestException("INVALID_JSON", "request body could not be read completely");
    }
  }

  /**
   * Reads whatever is left of the request body, up to {@code maxBytes}, so that the connection
   * can carry the client's next request: a route that refused the caller before reading its
   * body (401, 404) would otherwise make Jetty close a keep-alive connection. A body over the
   * limit is left alone; that connection closes.
   */
  static void drain(Context ctx, int maxBytes) {
    if (ctx.req().getContentLengthLong() > maxBytes) {
      return;
    }
    try {
      InputStream in = ctx.req().getInputStream();
      byte[] buffer = new byte[8192];
      long total = 0;
      for (int n = in.read(buffer); n != -1 && total <= maxBytes; n = in.read(buffer)) {
        total += n;
      }
    } catch (IOException | IllegalStateException alreadyConsumedOrGone) {
      // nothing left to keep the connection for
    }
  }

  private PayloadTooLargeException tooLarge() {
    return new PayloadTooLargeException("PAYLOAD_TOO_LARGE", "request body exceeds " + maxBytes + " bytes");
  }
}
