package dev.admp.store.memory;

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
import dev.admp.store.ReclaimReport;
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
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * One inbox: its messages, guarded by one lock, so inboxes never contend with each other. Queued
 * messages are indexed by arrival number, which a message keeps for life: a requeued message
 * returns to its arrival position.
 */
final class MemoryInbox {
  private final AgentId owner;
  private final ReentrantLock lock = new ReentrantLock();
  private final Map<MessageId, Slot> messages = new HashMap<>();
  private final Map<String, MessageId> dedup = new HashMap<>();
  private final NavigableMap<Long, MessageId> queued = new TreeMap<>();
  private final Set<MessageId> leased = new HashSet<>();
  private InboxStats stats = InboxStats.EMPTY;
  private long arrivals;
  private boolean removed;

  MemoryInbox(AgentId owner) {
    this.owner = owner;
  }

  /** Empty when the inbox was removed meanwhile: the caller retries with the current one. */
  Optional<EnqueueOutcome> enqueue(NewMessage m, Instant now, ConcurrentMap<MessageId, AgentId> owners) {
    return locked(() -> {
      if (removed) {
        return Optional.empty();
      }
      MessageId seen = m.dedupKey().map(dedup::get).orElse(null);
      if (seen != null) {
        return Optional.of(new EnqueueOutcome.Duplicate(messages.get(seen).message()));
      }
      if (owners.putIfAbsent(m.id(), owner) != null) {
        return Optional.of(new EnqueueOutcome.IdConflict(m.id()));
      }
      Message message = Message.queued(m, now);
      Slot slot = new Slot(arrivals++, message);
      messages.put(m.id(), slot);
      m.dedupKey().ifPresent(key -> dedup.put(key, m.id()));
      queued.put(slot.arrival(), m.id());
      stats = stats.plus(MessageState.QUEUED, 1);
      return Optional.of(new EnqueueOutcome.Enqueued(message));
    });
  }

  List<Message> lease(int max, Instant now, Instant leaseUntil) {
    return locked(() -> {
      List<Slot> due = new ArrayList<>(max);
      for (MessageId id : queued.values()) {
        Slot slot = messages.get(id);
        if (slot.message().isVisible(now)) {
          due.add(slot);
          if (due.size() == max) {
            break;
          }
        }
      }
      List<Message> result = new ArrayList<>(due.size());
      for (Slot slot : due) {
        result.add(replace(slot, slot.message().leased(new Lease(LeaseId.generate(), leaseUntil), now)));
      }
      return result;
    });
  }

  /** Applies {@code change} to a message leased under {@code match}, or says why not. */
  Transition transition(MessageId id, LeaseMatch match, UnaryOperator<Message> change) {
    return locked(() -> {
      Slot slot = messages.get(id);
      if (slot == null) {
        return new Transition.NotFound(id);
      }
      Message m = slot.message();
      if (m.state() != MessageState.LEASED) {
        return new Transition.WrongState(id, m.state());
      }
      if (!match.matches(m.lease().orElseThrow())) {
        return new Transition.LeaseLost(id);
      }
      return new Transition.Done(replace(slot, change.apply(m)));
    });
  }

  Optional<Message> find(MessageId id) {
    return locked(() -> Optional.ofNullable(messages.get(id)).map(Slot::message));
  }

  InboxStats stats() {
    return locked(() -> stats);
  }

  ReclaimReport reclaim(Instant now, int maxAttempts) {
    return locked(() -> {
      int requeued = 0;
      int dead = 0;
      for (Slot slot : matching(leased, m -> !m.lease().orElseThrow().until().isAfter(now))) {
        if (slot.message().attempts() >= maxAttempts) {
          replace(slot, slot.message().ended(MessageState.DEAD, now));
          dead++;
        } else {
          replace(slot, slot.message().requeued(now, now));
          requeued++;
        }
      }
      return new ReclaimReport(requeued, dead);
    });
  }

  int expire(Instant now) {
    return locked(() -> {
      List<Slot> due = matching(messages.keySet(), m -> !m.state().isTerminal() && !m.expiresAt().isAfter(now));
      due.forEach(slot -> replace(slot, slot.message().ended(MessageState.EXPIRED, now)));
      return due.size();
    });
  }

  int purge(Instant cutoff, ConcurrentMap<MessageId, AgentId> owners) {
    return locked(() -> {
      List<Slot> due = matching(messages.keySet(), m -> m.state().isTerminal() && !m.updatedAt().isAfter(cutoff));
      due.forEach(slot -> forget(slot.message(), owners));
      return due.size();
    });
  }

  /** Marks the inbox removed and forgets its messages. */
  void remove(ConcurrentMap<MessageId, AgentId> owners) {
    locked(() -> {
      removed = true;
      List.copyOf(messages.values()).forEach(slot -> forget(slot.message(), owners));
      return null;
    });
  }

  private List<Slot> matching(Set<MessageId> ids, Predicate<Message> test) {
    return ids.stream().map(messages::get).filter(slot -> test.test(slot.message())).toList();
  }

  /** Stores the new version of a message and keeps the indexes and counts in step. */
  private Message replace(Slot slot, Message next) {
    Message previous = slot.message();
    MessageId id = next.id();
    messages.put(id, new Slot(slot.arrival(), next));
    if (next.state() == MessageState.QUEUED) {
      queued.put(slot.arrival(), id);
    } else {
      queued.remove(slot.arrival());
    }
    if (next.state() == MessageState.LEASED) {
      leased.add(id);
    } else {
      leased.remove(id);
    }
    stats = stats.plus(previous.state(), -1).plus(next.state(), 1);
    return next;
  }

  private void forget(Message m, ConcurrentMap<MessageId, AgentId> owners) {
    Slot slot = messages.remove(m.id());
    queued.remove(slot.arrival());
    leased.remove(m.id());
    m.dedupKey().ifPresent(key -> dedup.remove(key, m.id()));
    owners.remove(m.id(), owner);
    stats = stats.plus(m.state(), -1);
  }

  private <T> T locked(Supplier<T> action) {
    lock.lock();
    try {
      return action.get();
    } finally {
      lock.unlock();
    }
  }

  private record Slot(long arrival, Message message) {}
}
