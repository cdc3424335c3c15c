package dev.admp.bench.report;

/**
 * Builds HTML and SVG text that is also well-formed XML, so the page can be checked with an XML
 * parser. Every text and attribute value goes through {@link #escape(String)}.
 */
final class Markup {
  private final StringBuilder out = new StringBuilder();

  static String escape(String text) {
    StringBuilder b = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> {
          // Control characters are not allowed in XML 1.0 text; nothing we print needs them.
          if (c >= 0x20 || c == '\n' || c == '\t') {
            b.append(c);
          }
        }
      }
    }
    return b.toString();
  }

  /** Opens {@code <name a="v" …>}; attributes come in name, value pairs. */
  Markup open(String name, String... attributes) {
    out.append('<').append(name);
    attributes(attributes);
    out.append('>');
    return this;
  }

  /** A self-closed element, {@code <name a="v"/>}. */
  Markup empty(String name, String... attributes) {
    out.append('<').append(name);
    attributes(attributes);
    out.append("/>");
    return this;
  }

  Markup close(String name) {
    out.append("</").append(name).append('>');
    return this;
  }

  /** An element holding only text. */
  Markup element(String name, String text, String... attributes) {
    return open(name, attributes).text(text).close(name);
  }

  Markup text(String text) {
    out.append(escape(text));
    return this;
  }

  /** Markup made elsewhere with this class, or a literal without user data. */
  Markup raw(String markup) {
    out.append(markup);
    return this;
  }

  Markup newline() {
    out.append('\n');
    return this;
  }

  private void attributes(String[] attributes) {
    if (attributes.length % 2 != 0) {
      throw new IllegalArgumentException("attributes come in name, value pairs");
    }
    for (int i = 0; i < attributes.length; i += 2) {
      out.append(' ').append(attributes[i]).append("=\"").append(escape(attributes[i + 1])).append('"');
    }
  }

  @Override
  public String toString() {
    return out.toString();
  }
}
