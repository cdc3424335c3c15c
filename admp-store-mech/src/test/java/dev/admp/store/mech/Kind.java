package dev.admp.store.mech;

import dev.admp.testkit.mech.Capability;
import java.util.EnumSet;
import java.util.Set;

/** The two Mech servers every store test runs against. */
enum Kind {
  BASELINE(EnumSet.noneOf(Capability.class)),
  EXTENDED(EnumSet.allOf(Capability.class));

  final Set<Capability> capabilities;

  Kind(Set<Capability> capabilities) {
    this.capabilities = capabilities;
  }
}
