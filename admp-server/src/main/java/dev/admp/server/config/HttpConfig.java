package dev.admp.server.config;

/**
 * The HTTP listener.
 *
 * @param port TCP port; 0 picks a free one (tests, {@code admp serve --port 0})
 * @param maxBodyBytes largest accepted request body
 */
public record HttpConfig(int port, int maxBodyBytes) {
  public HttpConfig {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be 0-65535, was " + port);
    }
    if (maxBodyBytes < 1) {
      throw new IllegalArgumentException("maxBodyBytes must be positive, was " + maxBodyBytes);
    }
  }
}
