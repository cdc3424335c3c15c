package dev.admp.protocol.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** The recursive writer behind {@link JsJson#stringify(JsonNode)}. */
final class JsWriter {
  private static final char[] HEX = "0123456789abcdef".toCharArray();
  private static final long MAX_ARRAY_INDEX = 4_294_967_294L;
  private static final long MAX_EXACT_INTEGER = 1L << 53;

  private JsWriter() {}

  static void write(JsonNode node, StringBuilder out, int depth) {
    if (node == null) {
      out.append("null");
      return;
    }
    switch (node.getNodeType()) {
      case OBJECT -> writeObject(node, out, enter(depth));
      case ARRAY -> writeArray(node, out, enter(depth));
      case STRING -> writeString(node.textValue(), out);
      case NUMBER -> writeNumber(node, out);
      case BOOLEAN -> out.append(node.booleanValue() ? "true" : "false");
      case NULL, MISSING -> out.append("null");
      // Jackson writes binary as base64 text, so that is the string JavaScript would see.
      case BINARY -> writeString(node.asText(), out);
      case POJO -> throw new IllegalArgumentException(
          "a POJONode has no JSON form; convert it with ObjectMapper.valueToTree first");
    }
  }

  private static int enter(int depth) {
    if (depth >= JsJson.MAX_DEPTH) {
      throw new IllegalArgumentException("JSON nested deeper than " + JsJson.MAX_DEPTH + " levels");
    }
    return depth + 1;
  }

  private static void writeObject(JsonNode object, StringBuilder out, int depth) {
    out.append('{');
    boolean first = true;
    for (Map.Entry<String, JsonNode> member : membersInJsOrder(object)) {
      JsonNode value = member.getValue();
      if (value.isMissingNode()) {
        continue; // an undefined member is left out, as JSON.stringify does
      }
      if (!first) {
        out.append(',');
      }
      first = false;
      writeString(member.getKey(), out);
      out.append(':');
      write(value, out, depth);
    }
    out.append('}');
  }

  private static void writeArray(JsonNode array, StringBuilder out, int depth) {
    out.append('[');
    for (int i = 0; i < array.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      write(array.get(i), out, depth);
    }
    out.append(']');
  }

  /**
   * JavaScript enumerates an object's array-index keys first, ascending, then the other keys in
   * insertion order. Most objects have no such key, so the common path allocates nothing extra.
   */
  private static Iterable<Map.Entry<String, JsonNode>> membersInJsOrder(JsonNode object) {
    boolean anyIndex = false;
    for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
      if (arrayIndex(names.next()) >= 0) {
        anyIndex = true;
        break;
      }
    }
    if (!anyIndex) {
      return object.properties();
    }
    List<Map.Entry<String, JsonNode>> indexed = new ArrayList<>();
    List<Map.Entry<String, JsonNode>> named = new ArrayList<>();
    for (Map.Entry<String, JsonNode> member : object.properties()) {
      (arrayIndex(member.getKey()) >= 0 ? indexed : named).add(member);
    }
    indexed.sort((a, b) -> Long.compare(arrayIndex(a.getKey()), arrayIndex(b.getKey())));
    indexed.addAll(named);
    return indexed;
  }

  /** The array index a key denotes in JavaScript (canonical 0..2^32-2), or -1. */
  static long arrayIndex(String key) {
    int length = key.length();
    if (length == 0 || length > 10 || (length > 1 && key.charAt(0) == '0')) {
      return -1;
    }
    long value = 0;
    for (int i = 0; i < length; i++) {
      char c = key.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value <= MAX_ARRAY_INDEX ? value : -1;
  }

  private static void writeNumber(JsonNode number, StringBuilder out) {
    if (number.canConvertToLong() && number.isIntegralNumber()) {
      long exact = number.longValue();
      if (exact >= -MAX_EXACT_INTEGER && exact <= MAX_EXACT_INTEGER) {
        out.append(exact); // exact integers up to 2^53 print as themselves in JavaScript
        return;
      }
    }
    double value = JsJson.numberValue(number);
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      out.append("null"); // JSON.stringify writes non-finite numbers as null
    } else {
      out.append(JsNumberFormat.format(value));
    }
  }

  static void writeString(String s, StringBuilder out) {
    out.append('"');
    int length = s.length();
    int start = 0;
    for (int i = 0; i < length; i++) {
      char c = s.charAt(i);
      String escape = null;
      if (c < 0x20 || c == '"' || c == '\\') {
        escape = escapeOf(c);
      } else if (Character.isSurrogate(c)) {
        if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(s.charAt(i + 1))) {
          i++; // a well-formed pair is written as it is
          continue;
        }
        escape = unicodeEscape(c); // a lone surrogate, escaped as JSON.stringify has since ES2019
      }
      if (escape != null) {
        out.append(s, start, i).append(escape);
        start = i + 1;
      }
    }
    out.append(s, start, length).append('"');
  }

  private static String escapeOf(char c) {
    return switch (c) {
      case '"' -> "\\\"";
      case '\\' -> "\\\\";
      case '\b' -> "\\b";
      case '\f' -> "\\f";
      case '\n' -> "\\n";
      case '\r' -> "\\r";
      case '\t' -> "\\t";
      default -> unicodeEscape(c);
    };
  }

  private static String unicodeEscape(char c) {
    return new String(new char[] {
        '\\', 'u', HEX[(c >> 12) & 0xF], HEX[(c >> 8) & 0xF], HEX[(c >> 4) & 0xF], HEX[c & 0xF]});
  }
}
