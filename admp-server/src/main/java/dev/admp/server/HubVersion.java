package dev.admp.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The hub's version, as the build wrote it into {@code version.properties}. */
final class HubVersion {
  private HubVersion() {}

  static String read() {
    try (InputStream in = HubVersion.class.getResourceAsStream("version.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version", "unknown");
    } catch (IOException e) {
      throw new UncheckedIOException("reading version.properties", e);
    }
  }
}
