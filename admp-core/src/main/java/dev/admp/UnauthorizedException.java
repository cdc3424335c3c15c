package dev.admp;

/** Missing or invalid credentials (HTTP 401). */
public final class UnauthorizedException extends AdmpException {
  public UnauthorizedException(String code, String message) {
    super(code, message);
  }

  public UnauthorizedException(String code, String message, Throwable cause) {
    super(code, message, cause);
  }
}
