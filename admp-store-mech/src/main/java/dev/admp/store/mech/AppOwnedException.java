package dev.admp.store.mech;

import dev.admp.store.StoreException;

/** Another live hub owns the Mech app: this hub must not start on it. */
public final class AppOwnedException extends StoreException {
  public AppOwnedException(String message) {
    super(message);
  }
}
