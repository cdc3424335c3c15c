package dev.admp.store.mech;

import dev.admp.agent.AgentId;
import dev.admp.inbox.EnqueueOutcome;
import dev.admp.inbox.InboxStats;
import dev.admp.inbox.Lease;
import dev.admp.inbox.LeaseId;
import dev.admp.inbox.LeaseMatch;
import dev.admp.inbox.Message;
import dev.admp.inbox.MessageId;
import dev.admp.inbox.MessageState;
import dev.admp.inbox.NewMessage;
import dev.admp.inbox.Transition;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * The hub's copy of one inbox: every message with its arrival number, the queued ones in arrival
 * order, the leased ones, and the counts. The lock is held only to decide and to commit, never
 * across a request to Mech: a change first claims its messages (marks them busy), is written, and
 * then commits or rolls back. Another change to a busy message waits for it to settle, so two
 * pulls never lease one message and an ack never races a nack.
 */
final class IndexedInbox {
  private final AgentId owner;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition settled = lock.newCondition();
  private final Map<MessageId, Slot> messages = new HashMap<>();
  private final Map<String, MessageId> dedup = new HashMap<>();
  private final NavigableMap<Long, MessageId> queued = new TreeMap<>();
  private final Set<MessageId> leased = new HashSet<>();
  private InboxStats stats = InboxStats.EMPTY;

  /** A message of the index; {@code message} is null while its create is in flight. */
  private static final class Slot {
    final long seq;
    Message message;
    boolean busy;

    Slot(long seq, Message message, boolean busy) {
      this.seq = seq;
      this.message = message;
      this.busy = busy;
    }
  }

  /** What an enqueue decided: write {@code claim}, or answer {@code outcome} at once. */
  record Admission(Optional<Claim> claim, Optional<EnqueueOutcome> outcome) {}

  IndexedInbox(AgentId owner) {
    this.owner = owner;
  }

  AgentId owner() {
    return owner;
  }

  /** Puts a stored message in the index while it is rebuilt. */
  void load(Message m, long seq) {
    lock.lock();
    try {
      put(new Slot(seq, null, false), m);
      m.dedupKey().ifPresent(key -> dedup.put(key, m.id()));
    } finally {
      lock.unlock();
    }
  }

  Admission admit(NewMessage m, Instant now, long seq, ConcurrentMap<MessageId, AgentId> owners)
      throws InterruptedException {
    lock.lock();
    try {
      while (true) {
        MessageId seen = m.dedupKey().map(dedup::get).orElse(null);
        if (seen == null) {
          break;
        }
        Slot slot = messages.get(seen);
        if (!slot.busy) {
          return new Admission(Optional.empty(), Optional.of(new EnqueueOutcome.Duplicate(slot.message)));
        }
        settled.await();
      }
      if (owners.putIfAbsent(m.id(), owner) != null) {
        return new Admission(Optional.empty(), Optional.of(new EnqueueOutcome.IdConflict(m.id())));
      }
      Message message = Message.queued(m, now);
      messages.put(m.id(), new Slot(seq, null, true));
      m.dedupKey().ifPresent(key -> dedup.put(key, m.id()));
      return new Admission(Optional.of(new Claim(this, seq, message, Optional.of(message))), Optional.empty());
    } finally {
      lock.unlock();
    }
  }

  /** Claims up to {@code max} of the oldest visible messages, each with a new lease. */
  List<Claim> claimVisible(int max, Instant now, Instant leaseUntil) {
    lock.lock();
    try {
      List<Claim> claims = new ArrayList<>(max);
      for (MessageId id : queued.values()) {
        Slot slot = messages.get(id);
        if (!slot.busy && slot.message.isVisible(now)) {
          claims.add(claim(slot, Optional.of(slot.message.leased(new Lease(LeaseId.generate(), leaseUntil), now))));
          if (claims.size() == max) {
            break;
          }
        }
      }
      return claims;
    } finally {
      lock.unlock();
    }
  }

  /** Claims a leased message for {@code change}, waiting while another change to it is in flight. */
  Transition claimTransition(MessageId id, LeaseMatch match, UnaryOperator<Message> change, List<Claim> out)
      throws InterruptedException {
    lock.lock();
    try {
      while (true) {
        Slot slot = messages.get(id);
        if (slot == null || slot.message == null) {
          return new Transition.NotFound(id);
        }
        if (slot.busy) {
          settled.await();
          continue;
        }
        Message m = slot.message;
        if (m.state() != MessageState.LEASED) {
          return new Transition.WrongState(id, m.state());
        }
        if (!match.matches(m.lease().orElseThrow())) {
          return new Transition.LeaseLost(id);
        }
        Claim c = claim(slot, Optional.of(change.apply(m)));
        out.add(c);
        return new Transition.Done(c.next());
      }
    } finally {
      lock.unlock();
    }
  }

  /** Leases that ended at or before {@code now}: back to queued, or dead after {@code maxAttempts}. */
  List<Claim> claimExpiredLeases(Instant now, int maxAttempts) {
    return claimEach(leased, m -> !m.lease().orElseThrow().until().isAfter(now), m -> m.attempts() >= maxAttempts
        ? m.ended(MessageState.DEAD, now) : m.requeued(now, now));
  }

  List<Claim> claimExpiredMessages(Instant now) {
    return claimEach(messages.keySet(), m -> !m.state().isTerminal() && !m.expiresAt().isAfter(now),
        m -> m.ended(MessageState.EXPIRED, now));
  }

  /** Finished messages to delete. */
  List<Claim> claimFinished(Instant cutoff) {
    return claimEach(messages.keySet(), m -> m.state().isTerminal() && !m.updatedAt().isAfter(cutoff), m -> null);
  }

  /** Every message, for deleting the inbox; waits for changes in flight to settle first. */
  List<Claim> claimAll() throws InterruptedException {
    lock.lock();
    try {
      while (messages.values().stream().anyMatch(s -> s.busy)) {
        settled.await();
      }
      return claimEach(messages.keySet(), m -> true, m -> null);
    } finally {
      lock.unlock();
    }
  }

  private List<Claim> claimEach(Set<MessageId> ids, Predicate<Message> due, UnaryOperator<Message> change) {
    lock.lock();
    try {
      List<Claim> claims = new ArrayList<>();
      for (MessageId id : List.copyOf(ids)) {
        Slot slot = messages.get(id);
        if (slot != null && !slot.busy && slot.message != null && due.test(slot.message)) {
          claims.add(claim(slot, Optional.ofNullable(change.apply(slot.message))));
        }
      }
      return claims;
    } finally {
      lock.unlock();
    }
  }

  private Claim claim(Slot slot, Optional<Message> after) {
    slot.busy = true;
    return new Claim(this, slot.seq, slot.message, after);
  }

  /** The write landed: the index takes {@code stored} (the claim's result, or what Mech returned). */
  void commit(Claim c, Optional<Message> stored, ConcurrentMap<MessageId, AgentId> owners) {
    lock.lock();
    try {
      Slot slot = messages.get(c.before().id());
      if (stored.isEmpty()) {
        forget(slot, owners);
      } else {
        put(slot, stored.get());
        slot.busy = false;
      }
      settled.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** The write did not land (or may not have): the message stays as it was. */
  void rollback(Claim c, ConcurrentMap<MessageId, AgentId> owners) {
    lock.lock();
    try {
      Slot slot = messages.get(c.before().id());
      if (slot.message == null) {
        messages.remove(c.before().id());
        c.before().dedupKey().ifPresent(key -> dedup.remove(key, c.before().id()));
        owners.remove(c.before().id(), owner);
      } else {
        slot.busy = false;
      }
      settled.signalAll();
    } finally {
      lock.unlock();
    }
  }

  Optional<Message> find(MessageId id) {
    lock.lock();
    try {
      return Optional.ofNullable(messages.get(id)).map(s -> s.message);
    } finally {
      lock.unlock();
    }
  }

  InboxStats stats() {
    lock.lock();
    try {
      return stats;
    } finally {
      lock.unlock();
    }
  }

  /** Ids in arrival order, for the index checkpoint. */
  List<Map.Entry<Long, MessageId>> ids() {
    lock.lock();
    try {
      List<Map.Entry<Long, MessageId>> ids = new ArrayList<>(messages.size());
      messages.forEach((id, slot) -> {
        if (slot.message != null) {
          ids.add(Map.entry(slot.seq, id));
        }
      });
      return ids;
    } finally {
      lock.unlock();
    }
  }

  boolean isEmpty() {
    lock.lock();
    try {
      return messages.isEmpty();
    } finally {
      lock.unlock();
    }
  }

  private void put(Slot slot, Message next) {
    Message previous = slot.message;
    MessageId id = next.id();
    slot.message = next;
    messages.put(id, slot);
    if (next.state() == MessageState.QUEUED) {
      queued.put(slot.seq, id);
    } else {
      queued.remove(slot.seq);
    }
    if (next.state() == MessageState.LEASED) {
      leased.add(id);
    } else {
      leased.remove(id);
    }
    if (previous != null) {
      stats = stats.plus(previous.state(), -1);
    }
    stats = stats.plus(next.state(), 1);
  }

  private void forget(Slot slot, ConcurrentMap<MessageId, AgentId> owners) {
    Message m = slot.message;
    messages.remove(m.id());
    queued.remove(slot.seq);
    leased.remove(m.id());
    m.dedupKey().ifPresent(key -> dedup.remove(key, m.id()));
    owners.remove(m.id(), owner);
    stats = stats.plus(m.state(), -1);
  }
}
