package dev.admp.inbox;

import java.time.Instant;
import java.util.Objects;

/** The current lease of a leased message. */
public record Lease(LeaseId id, Instant until) {
  public Lease {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(until, "until");
  }
}
