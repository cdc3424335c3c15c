package dev.admp;

/** The request body exceeds the configured limit (HTTP 413). */
public final class PayloadTooLargeException extends AdmpException {
  public PayloadTooLargeException(String code, String message) {
    super(code, message);
  }

  public PayloadTooLargeException(String code, String message, Throwable cause) {
    super(code, message, cause);
  }
}
