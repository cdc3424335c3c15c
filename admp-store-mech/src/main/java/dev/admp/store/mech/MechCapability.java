package dev.admp.store.mech;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** A Mech API extension the server may offer; the store uses one only when told it is there. */
public enum MechCapability {
  FILTER, OFFSET, RETURN_DOCUMENT, BATCH;

  /** The name in {@code MECH_CAPABILITIES}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static MechCapability parse(String wireName) {
    for (MechCapability c : values()) {
      if (c.wireName().equals(wireName.trim().toLowerCase(Locale.ROOT))) {
        return c;
      }
    }
    throw new IllegalArgumentException("unknown Mech capability '" + wireName + "'");
  }

  public static Set<MechCapability> parseAll(Iterable<String> wireNames) {
    EnumSet<MechCapability> set = EnumSet.noneOf(MechCapability.class);
    wireNames.forEach(n -> set.add(parse(n)));
    return set;
  }
}
