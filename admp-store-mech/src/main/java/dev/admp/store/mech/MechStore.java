package dev.admp.store.mech;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.admp.agent.Agent;
import dev.admp.agent.AgentId;
import dev.admp.agent.AgentUpdate;
import dev.admp.agent.Registration;
import dev.admp.inbox.EnqueueOutcome;
import dev.admp.inbox.InboxStats;
import dev.admp.inbox.LeaseMatch;
import dev.admp.inbox.Message;
import dev.admp.inbox.MessageId;
import dev.admp.inbox.MessageState;
import dev.admp.inbox.NewMessage;
import dev.admp.inbox.Transition;
import dev.admp.store.HubStats;
import dev.admp.store.ReclaimReport;
import dev.admp.store.Store;
import dev.admp.store.StoreCounters;
import dev.admp.store.StoreUnavailableException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code mech} backend: a {@link Store} over the Mech document API (see {@code MECH-API.md})
 * that costs at most one request per verb once warm.
 *
 * <p>The hub owns its Mech app ({@link OwnerLease}), so it can hold the complete inbox index in
 * memory: pull, ack, nack and extend are one update each and read nothing, status and stats read
 * nothing, sweeps find their messages without a scan and write them in batches. Agents come from a
 * cache, so a send is one create. Requests go through one pooled HTTP client with timeouts, safe
 * retries, a circuit breaker and a bulkhead ({@link MechHttp}).
 *
 * <p>Open it with {@link #open(MechStoreConfig)}; thread-safe; {@link #close()} releases the app.
 */
public final class MechStore implements Store {
  private static final Logger LOG = LoggerFactory.getLogger(MechStore.class);

  private final MechStoreConfig config;
  private final Clock clock;
  private final MechHttp http;
  private final MechDocuments documents;
  private final BulkWriter bulk;
  private final InboxIndex index = new InboxIndex();
  private final AgentDirectory agents;
  private final OwnerLease owner;
  private final IdCheckpoint checkpoint;
  private final ClaimWriter writer;
  private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
  private final ScheduledExecutorService heartbeats;
  private volatile boolean owning;
  private volatile boolean closed;
  private long checkpointedMessages = -1;
  private long checkpointedAgents = -1;

  private MechStore(MechStoreConfig config, Clock clock) {
    this.config = config;
    this.clock = clock;
    this.http = new MechHttp(config, new ObjectMapper());
    this.documents = new MechDocuments(http, config.has(MechCapability.RETURN_DOCUMENT));
    int parallelism = Math.max(1, config.maxConcurrentCalls() / 2);
    this.bulk = new BulkWriter(documents, config.has(MechCapability.BATCH), workers, parallelism);
    this.agents = new AgentDirectory(config.agentCacheSize());
    this.owner = new OwnerLease(documents, clock, config.ownerTtl(), config.appId());
    this.checkpoint = new IdCheckpoint(documents);
    this.writer = new ClaimWriter(documents, bulk, index);
    this.heartbeats = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "mech-owner-heartbeat");
      t.setDaemon(true);
      return t;
    });
  }

  /** Opens the store on the system clock; see {@link #open(MechStoreConfig, Clock)}. */
  public static MechStore open(MechStoreConfig config) {
    return open(config, Clock.systemUTC());
  }

  /**
   * Claims the app (throws {@link AppOwnedException} when another live hub holds it), rebuilds the
   * index from Mech and starts the owner heartbeat. {@code clock} times only the owner lease.
   *
   * @throws StoreUnavailableException when Mech cannot be reached
   */
  public static MechStore open(MechStoreConfig config, Clock clock) {
    MechStore store = new MechStore(config, clock);
    try {
      store.start();
      return store;
    } catch (RuntimeException e) {
      store.release();
      throw e;
    }
  }

  private void start() {
    owner.acquire();
    owning = true;
    IndexLoader loader = new IndexLoader(documents, checkpoint, config.has(MechCapability.OFFSET), workers,
        Math.max(1, config.maxConcurrentCalls() / 2));
    int agentCount = loader.forEach(AgentDocument.COLLECTION, doc -> readInto(doc, "agent",
        () -> agents.load(AgentDocument.read(doc))));
    int messageCount = loader.forEach(MessageDocument.COLLECTION, doc -> readInto(doc, "message",
        // Listing order is creation order, which is arrival order: the index numbers arrivals as it loads.
        () -> index.load(MessageDocument.read(doc).message(), index.nextSeq())));
    checkpointedMessages = index.idVersion();
    checkpointedAgents = agents.version();
    long every = Math.max(1, config.ownerTtl().toMillis() / 3);
    heartbeats.scheduleAtFixedRate(this::heartbeat, every, every, TimeUnit.MILLISECONDS);
    LOG.info("mech store open app={} hub={} agents={} messages={} capabilities={} requests={}", config.appId(),
        owner.hubId(), agentCount, messageCount, config.capabilities(), http.roundTrips());
  }

  private static void readInto(JsonNode doc, String kind, Runnable load) {
    try {
      load.run();
    } catch (IllegalArgumentException e) {
      LOG.warn("mech skipped a document that is not an {}: {}", kind, e.getMessage());
    }
  }

  @Override
  public String name() {
    return "mech";
  }

  // ---- agents

  @Override
  public Registration registerAgent(Agent agent) {
    ReentrantLock lock = agents.lockFor(agent.id());
    lock.lock();
    try {
      if (documents.create(AgentDocument.COLLECTION, agent.id().value(), AgentDocument.write(agent))
          == MechDocuments.Created.DUPLICATE) {
        agents.invalidate(agent.id());
        return new Registration.AlreadyExists(agent.id());
      }
      agents.added(agent);
      return new Registration.Registered(agent);
    } finally {
      lock.unlock();
    }
  }

  @Override
  public Optional<Agent> findAgent(AgentId id) {
    return agents.find(id, () -> documents.get(AgentDocument.COLLECTION, id.value()).map(AgentDocument::read));
  }

  @Override
  public Optional<Agent> updateAgent(AgentId id, AgentUpdate update) {
    ReentrantLock lock = agents.lockFor(id);
    lock.lock();
    try {
      Optional<Agent> current = findAgent(id);
      if (current.isEmpty()) {
        return Optional.empty();
      }
      Agent next = current.get().with(update);
      return switch (documents.update(AgentDocument.COLLECTION, id.value(), AgentDocument.patch(update))) {
        case MechDocuments.Updated.Applied applied -> {
          Agent stored = applied.document().map(AgentDocument::read).orElse(next);
          agents.stored(stored);
          yield Optional.of(stored);
        }
        case MechDocuments.Updated.Missing missing -> {
          agents.gone(id);
          yield Optional.empty();
        }
      };
    } finally {
      lock.unlock();
    }
  }

  @Override
  public boolean deleteAgent(AgentId id) {
    ReentrantLock lock = agents.lockFor(id);
    lock.lock();
    try {
      boolean existed = documents.delete(AgentDocument.COLLECTION, id.value());
      agents.gone(id);
      Optional<IndexedInbox> inbox = index.existing(id);
      if (inbox.isPresent()) {
        writer.writeAll(interruptibly(() -> inbox.get().claimAll()));
        index.removeIfEmpty(id);
      }
      return existed;
    } finally {
      lock.unlock();
    }
  }

  // ---- messages

  @Override
  public EnqueueOutcome enqueue(NewMessage message, Instant now) {
    IndexedInbox inbox = index.inbox(message.to());
    IndexedInbox.Admission admission =
        interruptibly(() -> inbox.admit(message, now, index.nextSeq(), index.owners()));
    if (admission.outcome().isPresent()) {
      return admission.outcome().get();
    }
    Claim claim = admission.claim().orElseThrow();
    MechDocuments.Created created;
    try {
      created = documents.create(MessageDocument.COLLECTION, message.id().value(),
          MessageDocument.write(claim.next(), claim.seq()));
    } catch (RuntimeException e) {
      index.rollback(claim);
      throw e;
    }
    if (created == MechDocuments.Created.DUPLICATE) {
      return landedEarlier(claim, message);
    }
    index.commitCreated(claim, claim.next());
    return new EnqueueOutcome.Enqueued(claim.next());
  }

  /**
   * The id is taken in Mech but not in the index: an earlier send of this very message whose
   * answer was lost (a timeout after the create landed) — then it is a duplicate of that one — or
   * a document written behind the hub's back, which is a conflict. One extra read, on this path only.
   */
  private EnqueueOutcome landedEarlier(Claim claim, NewMessage message) {
    Optional<Message> stored;
    try {
      stored = documents.get(MessageDocument.COLLECTION, message.id().value())
          .flatMap(doc -> {
            try {
              return Optional.of(MessageDocument.read(doc).message());
            } catch (IllegalArgumentException e) {
              return Optional.empty();
            }
          })
          .filter(m -> m.from().equals(message.from()) && m.to().equals(message.to())
              && m.envelopeJson().equals(message.envelopeJson()) && m.dedupKey().equals(message.dedupKey()));
    } catch (RuntimeException e) {
      index.rollback(claim);
      throw e;
    }
    if (stored.isEmpty()) {
      index.rollback(claim);
      return new EnqueueOutcome.IdConflict(message.id());
    }
    index.commitCreated(claim, stored.get());
    return new EnqueueOutcome.Duplicate(stored.get());
  }

  @Override
  public List<Message> lease(AgentId inbox, int max, Instant now, Instant leaseUntil) {
    Optional<IndexedInbox> messages = index.existing(inbox);
    if (messages.isEmpty()) {
      return List.of();
    }
    List<Claim> claims = messages.get().claimVisible(max, now, leaseUntil);
    if (claims.size() == 1) {
      return writer.writeOne(claims.getFirst()).map(List::of).orElse(List.of());
    }
    List<Message> leased = writer.writeAll(claims).stream().flatMap(Optional::stream).toList();
    if (leased.isEmpty() && !claims.isEmpty()) {
      throw new StoreUnavailableException("Mech is unavailable: no lease could be written");
    }
    return leased;
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

  private Transition transition(AgentId caller, MessageId id, LeaseMatch lease, UnaryOperator<Message> change) {
    Optional<AgentId> holder = index.holder(id);
    if (holder.isEmpty()) {
      return new Transition.NotFound(id);
    }
    if (!holder.get().equals(caller)) {
      return new Transition.NotOwner(id);
    }
    Optional<IndexedInbox> inbox = index.existing(holder.get());
    if (inbox.isEmpty()) {
      return new Transition.NotFound(id);
    }
    List<Claim> claimed = new ArrayList<>(1);
    Transition decided = interruptibly(() -> inbox.get().claimTransition(id, lease, change, claimed));
    if (claimed.isEmpty()) {
      return decided;
    }
    return writer.writeOne(claimed.getFirst()).<Transition>map(Transition.Done::new).orElse(new Transition.NotFound(id));
  }

  /** Status reads the index: no request. */
  @Override
  public Optional<Message> findMessage(MessageId id) {
    return index.find(id);
  }

  @Override
  public InboxStats inboxStats(AgentId inbox) {
    return index.existing(inbox).map(IndexedInbox::stats).orElse(InboxStats.EMPTY);
  }

  @Override
  public HubStats hubStats(Instant onlineSince) {
    return new HubStats(agents.count(), agents.seenSince(onlineSince), index.stats());
  }

  // ---- sweeps

  @Override
  public ReclaimReport reclaimExpiredLeases(Instant now, int maxAttempts) {
    List<Claim> claims = new ArrayList<>();
    index.all().forEach(inbox -> claims.addAll(inbox.claimExpiredLeases(now, maxAttempts)));
    return reclaimed(writer.writeAll(claims));
  }

  @Override
  public ReclaimReport reclaimExpiredLeases(AgentId inbox, Instant now, int maxAttempts) {
    return index.existing(inbox).map(i -> reclaimed(writer.writeAll(i.claimExpiredLeases(now, maxAttempts))))
        .orElse(ReclaimReport.NONE);
  }

  private static ReclaimReport reclaimed(List<Optional<Message>> written) {
    int requeued = 0;
    int dead = 0;
    for (Optional<Message> m : written) {
      if (m.isPresent() && m.get().state() == MessageState.QUEUED) {
        requeued++;
      } else if (m.isPresent() && m.get().state() == MessageState.DEAD) {
        dead++;
      }
    }
    return new ReclaimReport(requeued, dead);
  }

  @Override
  public int expireMessages(Instant now) {
    List<Claim> claims = new ArrayList<>();
    index.all().forEach(inbox -> claims.addAll(inbox.claimExpiredMessages(now)));
    return (int) writer.writeAll(claims).stream().filter(Optional::isPresent).count();
  }

  @Override
  public int purgeFinished(Instant cutoff) {
    List<Claim> claims = new ArrayList<>();
    index.all().forEach(inbox -> claims.addAll(inbox.claimFinished(cutoff)));
    List<Optional<Message>> written = writer.writeAll(claims);
    return (int) written.stream().filter(Optional::isEmpty).count();
  }

  // ---- operations

  @Override
  public StoreCounters counters() {
    return new StoreCounters(http.roundTrips(), http.connectionsOpened());
  }

  @Override
  public void checkHealth() {
    documents.get(OwnerLease.COLLECTION, OwnerLease.KEY);
  }

  /** Renews the owner lease and writes the key lists if due; runs on the heartbeat thread. */
  void heartbeat() {
    try {
      if (!owner.heartbeat()) {
        LOG.error("mech app={} was taken over by another hub; this hub stops using it", config.appId());
        http.refuseAll("this hub no longer owns Mech app '" + config.appId() + "': another hub took it over");
        owning = false;
        heartbeats.shutdown();
        return;
      }
      writeCheckpointIfChanged();
    } catch (RuntimeException e) {
      LOG.warn("mech owner heartbeat failed app={}: {}", config.appId(), e.getMessage());
    }
  }

  /** Only servers without {@code offset} need the key lists; see {@link IdCheckpoint}. */
  private synchronized void writeCheckpointIfChanged() {
    if (config.has(MechCapability.OFFSET)) {
      return;
    }
    long messages = index.idVersion();
    if (messages != checkpointedMessages) {
      checkpoint.write(MessageDocument.COLLECTION, index.idsInArrivalOrder(), clock.instant());
      checkpointedMessages = messages;
    }
    long agentVersion = agents.version();
    if (agentVersion != checkpointedAgents) {
      checkpoint.write(AgentDocument.COLLECTION, agents.ids(), clock.instant());
      checkpointedAgents = agentVersion;
    }
  }

  /** Writes the key lists if needed, gives the app up and closes the client. */
  @Override
  public synchronized void close() {
    if (!closed) {
      closed = true;
      release();
    }
  }

  private void release() {
    heartbeats.shutdownNow();
    if (owning) {
      try {
        writeCheckpointIfChanged();
        owner.release();
      } catch (RuntimeException e) {
        LOG.warn("mech store did not close cleanly app={}: {}", config.appId(), e.getMessage());
      }
    }
    workers.shutdown();
    http.close();
  }

  private interface Interruptible<T> {
    T get() throws InterruptedException;
  }

  private static <T> T interruptibly(Interruptible<T> action) {
    try {
      return action.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreUnavailableException("interrupted while waiting for another change to the same message", e);
    }
  }

  @Override
  public String toString() {
    return "MechStore[" + config + "]";
  }
}
