package dev.admp;

/**
 * Root of every failure the hub reports to a client. Each kind maps to one HTTP status in the
 * server's error mapper; {@link #code()} is the wire error code of {@code API.md}.
 */
public abstract class AdmpException extends RuntimeException {
  private final String code;

  protected AdmpException(String code, String message) {
    super(message);
    this.code = code;
  }

  protected AdmpException(String code, String message, Throwable cause) {
    super(message, cause);
    this.code = code;
  }

  /** The wire error code, e.g. {@code SEND_FAILED}. */
  public String code() {
    return code;
  }
}
