package dev.admp.server;

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
import dev.admp.store.StoreUnavailableException;
import dev.admp.store.memory.InMemoryStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The in-memory store with a switch that makes every call fail as an unreachable database does
 * ({@link StoreUnavailableException}), for outage tests over HTTP.
 */
public final class OutageStore implements Store {
  private final InMemoryStore store = new InMemoryStore();
  private volatile boolean down;
  private volatile boolean closed;

  public void down() {
    down = true;
  }

  public void up() {
    down = false;
  }

  private <T> T call(Supplier<T> action) {
    if (down) {
      throw new StoreUnavailableException("storage is down (test outage)");
    }
    return action.get();
  }

  @Override
  public String name() {
    return store.name();
  }

  @Override
  public Registration registerAgent(Agent agent) {
    return call(() -> store.registerAgent(agent));
  }

  @Override
  public Optional<Agent> findAgent(AgentId id) {
    return call(() -> store.findAgent(id));
  }

  @Override
  public Optional<Agent> updateAgent(AgentId id, AgentUpdate update) {
    return call(() -> store.updateAgent(id, update));
  }

  @Override
  public boolean deleteAgent(AgentId id) {
    return call(() -> store.deleteAgent(id));
  }

  @Override
  public EnqueueOutcome enqueue(NewMessage message, Instant now) {
    return call(() -> store.enqueue(message, now));
  }

  @Override
  public List<Message> lease(AgentId inbox, int max, Instant now, Instant leaseUntil) {
    return call(() -> store.lease(inbox, max, now, leaseUntil));
  }

  @Override
  public Transition ack(AgentId owner, MessageId id, LeaseMatch lease, Instant now) {
    return call(() -> store.ack(owner, id, lease, now));
  }

  @Override
  public Transition requeue(AgentId owner, MessageId id, LeaseMatch lease, Instant visibleAt, Instant now) {
    return call(() -> store.requeue(owner, id, lease, visibleAt, now));
  }

  @Override
  public Transition extendLease(AgentId owner, MessageId id, LeaseMatch lease, Duration extension, Instant now) {
    return call(() -> store.extendLease(owner, id, lease, extension, now));
  }

  @Override
  public Optional<Message> findMessage(MessageId id) {
    return call(() -> store.findMessage(id));
  }

  @Override
  public InboxStats inboxStats(AgentId inbox) {
    return call(() -> store.inboxStats(inbox));
  }

  @Override
  public HubStats hubStats(Instant onlineSince) {
    return call(() -> store.hubStats(onlineSince));
  }

  @Override
  public ReclaimReport reclaimExpiredLeases(Instant now, int maxAttempts) {
    return call(() -> store.reclaimExpiredLeases(now, maxAttempts));
  }

  @Override
  public ReclaimReport reclaimExpiredLeases(AgentId inbox, Instant now, int maxAttempts) {
    return call(() -> store.reclaimExpiredLeases(inbox, now, maxAttempts));
  }

  @Override
  public int expireMessages(Instant now) {
    return call(() -> store.expireMessages(now));
  }

  @Override
  public int purgeFinished(Instant cutoff) {
    return call(() -> store.purgeFinished(cutoff));
  }

  @Override
  public StoreCounters counters() {
    return store.counters();
  }

  @Override
  public void checkHealth() {
    call(() -> {
      store.checkHealth();
      return null;
    });
  }

  @Override
  public void close() {
    closed = true;
    store.close();
  }

  public boolean isClosed() {
    return closed;
  }
}
