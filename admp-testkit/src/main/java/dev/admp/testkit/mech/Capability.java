package dev.admp.testkit.mech;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** An optional Mech API extension; each one is switched on or off independently. */
public enum Capability {
  /** {@code &filter=field:value} on list. */
  FILTER,
  /** {@code &offset=K} on list. */
  OFFSET,
  /** {@code return_document:true} on update. */
  RETURN_DOCUMENT,
  /** {@code POST /nosql/batch}. */
  BATCH;

  /** The name used in {@code MECH_CAPABILITIES}: {@code filter}, {@code offset}, {@code return_document}, {@code batch}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Capability parse(String wireName) {
    for (Capability c : values()) {
      if (c.wireName().equals(wireName.trim().toLowerCase(Locale.ROOT))) {
        return c;
      }
    }
    throw new IllegalArgumentException("unknown Mech capability '" + wireName + "'");
  }

  /** Parses a comma-separated list; {@code all} means every extension, blank means none. */
  public static Set<Capability> parseList(String list) {
    EnumSet<Capability> set = EnumSet.noneOf(Capability.class);
    if (list == null || list.isBlank()) {
      return set;
    }
    if (list.trim().equalsIgnoreCase("all")) {
      return EnumSet.allOf(Capability.class);
    }
    for (String name : list.split(",")) {
      if (!name.isBlank()) {
        set.add(parse(name));
      }
    }
    return set;
  }
}
