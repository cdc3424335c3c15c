package dev.admp.server.durable;

import dev.admp.client.Pulled;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every lease and ACK that pullers saw, kept to find the two failures a queue must never show:
 * one message leased to two pullers for overlapping times, and a message leased or acked again
 * after an ACK succeeded. A lease's interval runs from the hub's lease time (its
 * {@code lease_until} minus the visibility asked for) to its {@code lease_until}; all hub nodes
 * share this machine's clock. Thread-safe.
 */
final class LeaseLedger {
  private record Held(int puller, Instant from, Instant until) {
    boolean overlaps(Held other) {
      return from.isBefore(other.until) && other.from.isBefore(until);
    }
  }

  private final Duration visibility;
  private final Map<String, List<Held>> leases = new HashMap<>();
  private final Map<String, Integer> acks = new HashMap<>();
  private final List<String> violations = new ArrayList<>();

  LeaseLedger(Duration visibility) {
    this.visibility = visibility;
  }

  synchronized void leased(int puller, Pulled message) {
    Held held = new Held(puller, message.leaseUntil().minus(visibility), message.leaseUntil());
    List<Held> earlier = leases.computeIfAbsent(message.messageId(), id -> new ArrayList<>());
    for (Held other : earlier) {
      if (other.overlaps(held)) {
        violations.add(message.messageId() + " leased to puller " + held.puller() + " " + held
            + " while puller " + other.puller() + " held it " + other);
      }
    }
    if (acks.containsKey(message.messageId())) {
      violations.add(message.messageId() + " leased to puller " + puller + " after it was acked");
    }
    earlier.add(held);
  }

  synchronized void acked(int puller, String messageId) {
    if (acks.merge(messageId, 1, Integer::sum) > 1) {
      violations.add(messageId + " acked again by puller " + puller);
    }
  }

  synchronized void failed(int puller, String messageId, RuntimeException e) {
    violations.add("puller " + puller + " could not ack " + messageId + ": " + e.getMessage());
  }

  synchronized int ackedCount() {
    return acks.size();
  }

  synchronized Set<String> ackedIds() {
    return Set.copyOf(acks.keySet());
  }

  synchronized List<String> violations() {
    return List.copyOf(violations);
  }
}
