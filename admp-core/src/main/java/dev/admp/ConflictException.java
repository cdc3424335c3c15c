package dev.admp;

/** The resource is in a state that forbids the request (HTTP 409). */
public final class ConflictException extends AdmpException {
  public ConflictException(String code, String message) {
    super(code, message);
  }

  public ConflictException(String code, String message, Throwable cause) {
    super(code, message, cause);
  }
}
