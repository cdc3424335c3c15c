package dev.admp.store;

import dev.admp.UnavailableException;

/** The storage cannot be reached or its circuit is open: the hub answers 503 with Retry-After. */
public final class StoreUnavailableException extends UnavailableException {
  public StoreUnavailableException(String message, Throwable cause) {
    super("STORAGE_UNAVAILABLE", message, cause);
  }

  public StoreUnavailableException(String message) {
    super("STORAGE_UNAVAILABLE", message);
  }
}
