package dev.admp.inbox;

/** Which lease an ack/nack must hold: any current lease, or exactly the one named. */
public sealed interface LeaseMatch {
  record AnyLease() implements LeaseMatch {}

  record Exactly(LeaseId id) implements LeaseMatch {}

  static LeaseMatch any() {
    return new AnyLease();
  }

  default boolean matches(Lease lease) {
    return switch (this) {
      case AnyLease a -> true;
      case Exactly e -> e.id().equals(lease.id());
    };
  }
}
