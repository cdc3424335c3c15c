package dev.admp;

/** The named agent or message does not exist (HTTP 404). */
public final class NotFoundException extends AdmpException {
  public NotFoundException(String code, String message) {
    super(code, message);
  }

  public NotFoundException(String code, String message, Throwable cause) {
    super(code, message, cause);
  }
}
