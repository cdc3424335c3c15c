package dev.admp.store;

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
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The storage SPI. Every method is one intent carried out atomically — one statement, one
 * conditional write or one batch — so callers never race a read against a write, and each
 * verb costs at most one storage round trip (see {@code DESIGN.md}).
 *
 * <p>Stores never read a clock: time is an argument. Expected outcomes are sealed results;
 * exceptions are for infrastructure only ({@link StoreException}, {@link StoreUnavailableException}).
 * Implementations are thread-safe.
 */
public interface Store extends AutoCloseable {

  /** A short name for logs, health and metrics: {@code memory}, {@code sqlite}, … */
  String name();

  // ---- agents

  /** Creates the agent unless its id is taken; never overwrites. */
  Registration registerAgent(Agent agent);

  Optional<Agent> findAgent(AgentId id);

  /** Applies one update; empty when the agent does not exist. */
  Optional<Agent> updateAgent(AgentId id, AgentUpdate update);

  /** Deletes the agent and every message in its inbox; false when it did not exist. */
  boolean deleteAgent(AgentId id);

  // ---- messages

  /**
   * Stores a new queued message, idempotently: a message with the same dedup key makes this a
   * {@code Duplicate}; an id taken by another message makes it an {@code IdConflict}.
   */
  EnqueueOutcome enqueue(NewMessage message, Instant now);

  /**
   * Leases up to {@code max} of the oldest visible messages of the inbox (queued, {@code visibleAt <= now},
   * {@code expiresAt > now}), in arrival order; each gets a new lease until {@code leaseUntil} and one
   * more attempt. No message is ever returned to two concurrent callers.
   */
  List<Message> lease(AgentId inbox, int max, Instant now, Instant leaseUntil);

  /** Leased → acked, if {@code owner} holds the lease that {@code lease} names. */
  Transition ack(AgentId owner, MessageId id, LeaseMatch lease, Instant now);

  /** Leased → queued, visible again from {@code visibleAt}. */
  Transition requeue(AgentId owner, MessageId id, LeaseMatch lease, Instant visibleAt, Instant now);

  /** Keeps the message leased, until {@code max(now, leaseUntil) + extension}. */
  Transition extendLease(AgentId owner, MessageId id, LeaseMatch lease, Duration extension, Instant now);

  Optional<Message> findMessage(MessageId id);

  InboxStats inboxStats(AgentId inbox);

  /** Agent and message counts for the whole hub; agents seen since {@code onlineSince} are online. */
  HubStats hubStats(Instant onlineSince);

  // ---- sweeps: each one set-based statement or batch, never a loop of single updates

  /**
   * Leases that ended at or before {@code now} go back to queued, or to dead when the message
   * has had {@code maxAttempts} attempts.
   */
  ReclaimReport reclaimExpiredLeases(Instant now, int maxAttempts);

  /** As {@link #reclaimExpiredLeases(Instant, int)}, for one inbox. */
  ReclaimReport reclaimExpiredLeases(AgentId inbox, Instant now, int maxAttempts);

  /** Queued or leased messages whose {@code expiresAt <= now} become expired; returns how many. */
  int expireMessages(Instant now);

  /** Deletes acked, expired and dead messages that reached that state at or before {@code cutoff}. */
  int purgeFinished(Instant cutoff);

  // ---- operations

  /** Round trips and connections since the store was opened. */
  StoreCounters counters();

  /** One cheap round trip to the storage; throws {@link StoreUnavailableException} when it is down. */
  void checkHealth();

  @Override
  void close();
}
