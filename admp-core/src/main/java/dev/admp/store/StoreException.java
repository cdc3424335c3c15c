package dev.admp.store;

/** An infrastructure fault of a store (a bug or a broken database): the hub answers 500. */
public class StoreException extends RuntimeException {
  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }

  public StoreException(String message) {
    super(message);
  }
}
