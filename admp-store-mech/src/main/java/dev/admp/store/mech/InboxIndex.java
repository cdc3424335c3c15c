package dev.admp.store.mech;

import dev.admp.agent.AgentId;
import dev.admp.inbox.InboxStats;
import dev.admp.inbox.Message;
import dev.admp.inbox.MessageId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The in-hub index of the app's messages: one {@link IndexedInbox} per inbox, which inbox holds
 * each message id (ids are unique across the hub), and the next arrival number. It is complete —
 * rebuilt from Mech at start and written through afterwards — which is sound only because this hub
 * is the app's one owner.
 */
final class InboxIndex {
  private final ConcurrentMap<AgentId, IndexedInbox> inboxes = new ConcurrentHashMap<>();
  private final ConcurrentMap<MessageId, AgentId> owners = new ConcurrentHashMap<>();
  private final AtomicLong nextSeq = new AtomicLong();
  private final AtomicLong idVersion = new AtomicLong();

  IndexedInbox inbox(AgentId id) {
    return inboxes.computeIfAbsent(id, IndexedInbox::new);
  }

  Optional<IndexedInbox> existing(AgentId id) {
    return Optional.ofNullable(inboxes.get(id));
  }

  Collection<IndexedInbox> all() {
    return inboxes.values();
  }

  ConcurrentMap<MessageId, AgentId> owners() {
    return owners;
  }

  Optional<AgentId> holder(MessageId id) {
    return Optional.ofNullable(owners.get(id));
  }

  long nextSeq() {
    return nextSeq.getAndIncrement();
  }

  void load(Message m, long seq) {
    owners.put(m.id(), m.to());
    inbox(m.to()).load(m, seq);
    nextSeq.accumulateAndGet(seq + 1, Math::max);
  }

  Optional<Message> find(MessageId id) {
    return holder(id).flatMap(this::existing).flatMap(inbox -> inbox.find(id));
  }

  InboxStats stats() {
    InboxStats total = InboxStats.EMPTY;
    for (IndexedInbox inbox : inboxes.values()) {
      InboxStats s = inbox.stats();
      total = new InboxStats(total.queued() + s.queued(), total.leased() + s.leased(), total.acked() + s.acked(),
          total.expired() + s.expired(), total.dead() + s.dead());
    }
    return total;
  }

  void commit(Claim c, Optional<Message> stored) {
    c.inbox().commit(c, stored, owners);
    if (stored.isEmpty()) {
      idVersion.incrementAndGet();
    }
  }

  void commitCreated(Claim c, Message stored) {
    c.inbox().commit(c, Optional.of(stored), owners);
    idVersion.incrementAndGet();
  }

  void rollback(Claim c) {
    c.inbox().rollback(c, owners);
  }

  void removeIfEmpty(AgentId id) {
    inboxes.computeIfPresent(id, (key, inbox) -> inbox.isEmpty() ? null : inbox);
  }

  /** Changes whenever a message is created or deleted: the checkpoint writes only when it moved. */
  long idVersion() {
    return idVersion.get();
  }

  /** Every message id in arrival order. */
  List<String> idsInArrivalOrder() {
    List<Map.Entry<Long, MessageId>> all = new ArrayList<>();
    inboxes.values().forEach(inbox -> all.addAll(inbox.ids()));
    all.sort(Comparator.comparingLong(Map.Entry::getKey));
    return all.stream().map(e -> e.getValue().value()).toList();
  }
}
