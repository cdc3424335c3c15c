package dev.admp;

/** A dependency (storage) cannot serve now; retry later (HTTP 503). */
public class UnavailableException extends AdmpException {
  public UnavailableException(String code, String message) {
    super(code, message);
  }

  public UnavailableException(String code, String message, Throwable cause) {
    super(code, message, cause);
  }
}
