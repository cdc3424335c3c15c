package dev.admp;

/** Bad input (HTTP 400). */
public final class InvalidRequestException extends AdmpException {
  public InvalidRequestException(String code, String message) {
    super(code, message);
  }

  public InvalidRequestException(String code, String message, Throwable cause) {
    super(code, message, cause);
  }
}
