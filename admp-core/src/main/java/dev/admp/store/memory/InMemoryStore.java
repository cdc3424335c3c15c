package dev.admp.store.memory;

import dev.admp.agent.Agent;
import dev.admp.agent.AgentId;
import dev.admp.agent.AgentUpdate;
import dev.admp.agent.Registration;
import dev.admp.inbox.EnqueueOutcome;
import dev.admp.inbox.InboxStats;
import dev.admp.inbox.LeaseMatch;
import dev.admp.inbox.Message;
import dev.admp.inbox.MessageId;
import dev.admp.inbox.NewMessage;
import dev.admp.inbox.Transition;
import dev.admp.store.HubStats;
import dev.admp.store.ReclaimReport;
import dev.admp.store.Store;
import dev.admp.store.StoreCounters;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.UnaryOperator;

/**
 * A {@link Store} in memory: agents in a concurrent map, each inbox behind its own lock, and a
 * hub-wide index from message id to inbox that makes ids unique. Safe for any number of threads;
 * no round trips and no connections. Nothing outlives the process.
 */
public final class InMemoryStore implements Store {
  private final ConcurrentMap<AgentId, Agent> agents = new ConcurrentHashMap<>();
  private final ConcurrentMap<AgentId, MemoryInbox> inboxes = new ConcurrentHashMap<>();
  private final ConcurrentMap<MessageId, AgentId> owners = new ConcurrentHashMap<>();

  @Override
  public String name() {
    return "memory";
  }

  @Override
  public Registration registerAgent(Agent agent) {
    Agent existing = agents.putIfAbsent(agent.id(), agent);
    return existing == null ? new Registration.Registered(agent) : new Registration.AlreadyExists(agent.id());
  }

  @Override
  public Optional<Agent> findAgent(AgentId id) {
    return Optional.ofNullable(agents.get(id));
  }

  @Override
  public Optional<Agent> updateAgent(AgentId id, AgentUpdate update) {
    return Optional.ofNullable(agents.computeIfPresent(id, (key, agent) -> agent.with(update)));
  }

  @Override
  public boolean deleteAgent(AgentId id) {
    boolean existed = agents.remove(id) != null;
    MemoryInbox inbox = inboxes.remove(id);
    if (inbox != null) {
      inbox.remove(owners);
    }
    return existed;
  }

  @Override
  public EnqueueOutcome enqueue(NewMessage message, Instant now) {
    while (true) {
      Optional<EnqueueOutcome> outcome = inbox(message.to()).enqueue(message, now, owners);
      if (outcome.isPresent()) {
        return outcome.get();
      }
    }
  }

  @Override
  public List<Message> lease(AgentId inbox, int max, Instant now, Instant leaseUntil) {
    MemoryInbox messages = inboxes.get(inbox);
    return messages == null ? List.of() : messages.lease(max, now, leaseUntil);
  }

  @Override
  public Transition ack(AgentId owner, MessageId id, LeaseMatch lease, Instant now) {
    return transition(owner, id, lease, m -> m.acked(now));
  }

  @Override
  public Transition requeue(AgentId owner, MessageId id, LeaseMatch lease, Instant visibleAt, Instant now) {
    return transition(owner, id, lease, m -> m.requeued(visibleAt, now));
  }

  @Override
  public Transition extendLease(AgentId owner, MessageId id, LeaseMatch lease, Duration extension, Instant now) {
    return transition(owner, id, lease, m -> m.leaseExtended(extension, now));
  }

  @Override
  public Optional<Message> findMessage(MessageId id) {
    return Optional.ofNullable(owners.get(id)).map(inboxes::get).flatMap(inbox -> inbox.find(id));
  }

  @Override
  public InboxStats inboxStats(AgentId inbox) {
    MemoryInbox messages = inboxes.get(inbox);
    return messages == null ? InboxStats.EMPTY : messages.stats();
  }

  @Override
  public HubStats hubStats(Instant onlineSince) {
    long online = agents.values().stream().filter(a -> !a.lastHeartbeat().isBefore(onlineSince)).count();
    InboxStats messages = inboxes.values().stream().map(MemoryInbox::stats).reduce(InboxStats.EMPTY, InboxStats::plus);
    return new HubStats(agents.size(), online, messages);
  }

  @Override
  public ReclaimReport reclaimExpiredLeases(Instant now, int maxAttempts) {
    return inboxes.values().stream().map(inbox -> inbox.reclaim(now, maxAttempts))
        .reduce(ReclaimReport.NONE, (a, b) -> new ReclaimReport(a.requeued() + b.requeued(), a.dead() + b.dead()));
  }

  @Override
  public ReclaimReport reclaimExpiredLeases(AgentId inbox, Instant now, int maxAttempts) {
    MemoryInbox messages = inboxes.get(inbox);
    return messages == null ? ReclaimReport.NONE : messages.reclaim(now, maxAttempts);
  }

  @Override
  public int expireMessages(Instant now) {
    return inboxes.values().stream().mapToInt(inbox -> inbox.expire(now)).sum();
  }

  @Override
  public int purgeFinished(Instant cutoff) {
    return inboxes.values().stream().mapToInt(inbox -> inbox.purge(cutoff, owners)).sum();
  }

  @Override
  public StoreCounters counters() {
    return StoreCounters.ZERO;
  }

  @Override
  public void checkHealth() {
    // memory is always reachable
  }

  @Override
  public void close() {
    // nothing to release: the maps go with the store
  }

  private MemoryInbox inbox(AgentId id) {
    return inboxes.computeIfAbsent(id, MemoryInbox::new);
  }

  private Transition transition(AgentId owner, MessageId id, LeaseMatch lease, UnaryOperator<Message> change) {
    AgentId holder = owners.get(id);
    if (holder == null) {
      return new Transition.NotFound(id);
    }
    if (!holder.equals(owner)) {
      return new Transition.NotOwner(id);
    }
    MemoryInbox inbox = inboxes.get(holder);
    return inbox == null ? new Transition.NotFound(id) : inbox.transition(id, lease, change);
  }
}
