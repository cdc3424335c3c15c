package dev.admp.testkit.mech;

import java.util.Locale;

/** The Mech API calls the emulator counts separately; {@code OTHER} is any other path under the API. */
public enum Route {
  CREATE, GET, UPDATE, DELETE, LIST, BATCH, OTHER;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
