package dev.admp.protocol;

/**
 * Root of the failures this module reports for malformed input (JSON text, keys, signature
 * headers). Unchecked; callers map the concrete kind to their own error, e.g. the hub to a 4xx.
 */
public abstract class ProtocolException extends RuntimeException {
  protected ProtocolException(String message) {
    super(message);
  }

  protected ProtocolException(String message, Throwable cause) {
    super(message, cause);
  }
}
