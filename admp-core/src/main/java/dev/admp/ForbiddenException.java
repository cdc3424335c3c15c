package dev.admp;

/** Valid credentials that do not allow this (HTTP 403). */
public final class ForbiddenException extends AdmpException {
  public ForbiddenException(String code, String message) {
    super(code, message);
  }

  public ForbiddenException(String code, String message, Throwable cause) {
    super(code, message, cause);
  }
}
