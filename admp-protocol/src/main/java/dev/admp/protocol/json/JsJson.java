package dev.admp.protocol.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import java.nio.charset.StandardCharsets;

/**
 * JSON exactly as JavaScript reads and writes it.
 *
 * <p>{@link #stringify(JsonNode)} gives, byte for byte, what {@code JSON.stringify(JSON.parse(text))}
 * gives in JavaScript for the text Jackson would write for the tree: key order kept except that
 * array-index keys ({@code "0"} … {@code "4294967294"}) come first in ascending order, every number
 * is an IEEE double printed as {@code Number.prototype.toString} prints it, and strings are escaped
 * as JavaScript escapes them. The envelope signature hashes this form.
 *
 * <p>{@link #parse(String)} is a strict Jackson parse that keeps key order, keeps integers and
 * decimals exactly (so they round to doubles only when stringified, as JavaScript would round
 * them), refuses trailing content and limits nesting to {@value #MAX_DEPTH} levels.
 *
 * <p>All methods are thread-safe; the class holds only immutable configuration.
 */
public final class JsJson {
  /** Deepest nesting of arrays and objects that {@link #parse(String)} accepts. */
  public static final int MAX_DEPTH = 256;

  // ObjectReader is immutable and thread-safe, unlike ObjectMapper, so these can be shared.
  private static final ObjectReader READER = newMapper().reader();
  // BigDecimal cannot hold exponents beyond ±2^31 (1e9999999999); doubles can (Infinity, 0), as in JavaScript.
  private static final ObjectReader DOUBLE_READER = READER.without(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  private JsJson() {}

  /**
   * A new mapper configured like {@link #parse(String)}: nesting limit, exact big numbers
   * ({@code USE_BIG_DECIMAL_FOR_FLOATS}, trailing zeros kept), trailing tokens refused, unknown
   * properties ignored when binding records. Each call returns a fresh, independent instance.
   */
  public static ObjectMapper newMapper() {
    JsonFactory factory = JsonFactory.builder()
        .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
        .build();
    return JsonMapper.builder(factory)
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
        .build();
  }

  /**
   * Parses one JSON value.
   *
   * @throws InvalidJsonException when the text is empty, malformed, has trailing content, nests
   *     deeper than {@value #MAX_DEPTH} levels or exceeds the parser's size limits
   */
  public static JsonNode parse(String text) {
    try {
      return read(READER, text);
    } catch (NumberFormatException bigDecimalOverflow) {
      try {
        return read(DOUBLE_READER, text);
      } catch (NumberFormatException e) {
        throw new InvalidJsonException(InvalidJsonException.Reason.SYNTAX, "malformed number", e);
      }
    }
  }

  private static JsonNode read(ObjectReader reader, String text) {
    JsonNode node;
    try {
      node = reader.readTree(text);
    } catch (StreamConstraintsException e) {
      InvalidJsonException.Reason reason = String.valueOf(e.getMessage()).contains("nesting depth")
          ? InvalidJsonException.Reason.TOO_DEEP
          : InvalidJsonException.Reason.TOO_LARGE;
      throw new InvalidJsonException(reason, e.getOriginalMessage(), e);
    } catch (JsonProcessingException e) {
      throw new InvalidJsonException(InvalidJsonException.Reason.SYNTAX, e.getOriginalMessage(), e);
    }
    if (node == null || node.isMissingNode()) {
      throw new InvalidJsonException(InvalidJsonException.Reason.SYNTAX, "no JSON value", null);
    }
    return node;
  }

  /**
   * Parses UTF-8 JSON bytes; malformed UTF-8 sequences become U+FFFD as in JavaScript's decoders.
   *
   * @throws InvalidJsonException as {@link #parse(String)}
   */
  public static JsonNode parse(byte[] utf8) {
    return parse(new String(utf8, StandardCharsets.UTF_8));
  }

  /**
   * {@code JSON.stringify} of the value. A missing node or Java {@code null} gives {@code "null"}
   * (JavaScript would return {@code undefined}); missing members of objects are left out and
   * missing array elements written as {@code null}, as JavaScript does with {@code undefined}.
   *
   * @throws IllegalArgumentException for a tree nested deeper than {@value #MAX_DEPTH} levels or
   *     holding a Java object ({@code POJONode}) that has no JSON form of its own
   */
  public static String stringify(JsonNode value) {
    StringBuilder out = new StringBuilder(64);
    JsWriter.write(value, out, 0);
    return out.toString();
  }

  /**
   * The double JavaScript gets when it parses this number as Jackson writes it: exact
   * integers and decimals are rounded to the nearest double, a {@code float} is read from its
   * shortest decimal form.
   *
   * @throws IllegalArgumentException when the node is not a number
   */
  public static double numberValue(JsonNode number) {
    if (!number.isNumber()) {
      throw new IllegalArgumentException("not a number: " + number.getNodeType());
    }
    return switch (number.numberType()) {
      case INT, LONG, DOUBLE -> number.doubleValue();
      // BigInteger.doubleValue rounds to nearest, ties to even, as JavaScript's parser does.
      case BIG_INTEGER -> number.bigIntegerValue().doubleValue();
      // Double.parseDouble is correctly rounded; BigDecimal.toString keeps the exponent compact.
      case BIG_DECIMAL -> Double.parseDouble(number.decimalValue().toString());
      case FLOAT -> Double.parseDouble(Float.toString(number.floatValue()));
    };
  }

  /**
   * {@code Number.prototype.toString()} of a double: {@code 1}, {@code 0.5}, {@code 1e+21},
   * {@code 1e-7}, {@code 0.000001}, {@code 12345678901234567000}; {@code -0} gives {@code "0"},
   * non-finite values give {@code NaN}, {@code Infinity}, {@code -Infinity}.
   */
  public static String formatNumber(double value) {
    return JsNumberFormat.format(value);
  }

  /**
   * Whether JavaScript treats the value as falsy: absent, {@code null}, {@code false}, {@code 0},
   * {@code -0}, {@code NaN} or the empty string.
   */
  public static boolean isFalsy(JsonNode value) {
    if (value == null) {
      return true;
    }
    JsonNodeType type = value.getNodeType();
    return switch (type) {
      case MISSING, NULL -> true;
      case BOOLEAN -> !value.booleanValue();
      case STRING -> value.textValue().isEmpty();
      case NUMBER -> {
        double d = numberValue(value);
        yield d == 0 || Double.isNaN(d);
      }
      case BINARY -> value.asText().isEmpty();
      case ARRAY, OBJECT, POJO -> false;
    };
  }
}
