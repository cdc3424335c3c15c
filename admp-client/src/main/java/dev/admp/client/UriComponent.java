package dev.admp.client;

import java.nio.charset.StandardCharsets;

/** Path segments encoded exactly as JavaScript's {@code encodeURIComponent} encodes them. */
final class UriComponent {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();
  private static final String UNRESERVED_MARKS = "-_.!~*'()";

  private UriComponent() {}

  /**
   * {@code encodeURIComponent(value)}: letters, digits and {@code -_.!~*'()} stay, everything else
   * becomes {@code %XX} of its UTF-8 bytes, so {@code agent://bob} becomes {@code agent%3A%2F%2Fbob}.
   *
   * @throws IllegalArgumentException for a lone surrogate, which JavaScript refuses with a URIError
   */
  static String encode(String value) {
    StringBuilder out = new StringBuilder(value.length() + 16);
    for (int i = 0; i < value.length(); ) {
      int codePoint = value.codePointAt(i);
      int width = Character.charCount(codePoint);
      if (isUnreserved(codePoint)) {
        out.append((char) codePoint);
      } else if (codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE) {
        throw new IllegalArgumentException("a lone surrogate cannot be encoded in a URI");
      } else {
        for (byte b : value.substring(i, i + width).getBytes(StandardCharsets.UTF_8)) {
          out.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
        }
      }
      i += width;
    }
    return out.toString();
  }

  private static boolean isUnreserved(int c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
        || (c < 128 && UNRESERVED_MARKS.indexOf(c) >= 0);
  }
}
