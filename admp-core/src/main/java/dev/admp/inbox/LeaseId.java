package dev.admp.inbox;

import java.util.Objects;

/** Names one lease of a message; a later lease of the same message has a different id. */
public record LeaseId(String value) {
  public LeaseId {
    Objects.requireNonNull(value, "value");
  }

  public static LeaseId generate() {
    return new LeaseId(java.util.UUID.randomUUID().toString());
  }

  @Override
  public String toString() {
    return value;
  }
}
