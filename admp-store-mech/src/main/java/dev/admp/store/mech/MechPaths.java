package dev.admp.store.mech;

import java.nio.charset.StandardCharsets;

/** Paths of the Mech document API, with document keys percent-encoded as one path segment. */
final class MechPaths {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private MechPaths() {}

  static String create() {
    return "/nosql/documents";
  }

  static String get(String collection, String key) {
    return "/nosql/documents/key/" + encode(key) + "?collection_name=" + encode(collection);
  }

  static String document(String collection, String key) {
    return "/nosql/documents/" + encode(collection) + "/" + encode(key);
  }

  static String list(String collection, int limit, int offset) {
    return "/nosql/documents?collection_name=" + encode(collection) + "&limit=" + limit
        + (offset > 0 ? "&offset=" + offset : "");
  }

  static String batch() {
    return "/nosql/batch";
  }

  /**
   * Encodes everything but letters, digits, {@code -}, {@code _} and {@code ~}: message ids may hold
   * {@code /}, {@code %}, {@code ?} or be {@code ..}, and each must stay one segment.
   */
  static String encode(String s) {
    StringBuilder out = new StringBuilder(s.length() + 8);
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
          || c == '~') {
        out.append(c);
      } else {
        out.append('%').append(HEX[(b >> 4) & 0xf]).append(HEX[b & 0xf]);
      }
    }
    return out.toString();
  }
}
