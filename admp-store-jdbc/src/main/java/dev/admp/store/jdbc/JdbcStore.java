package dev.admp.store.jdbc;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
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
import dev.admp.store.StoreException;
import dev.admp.store.StoreUnavailableException;
import dev.admp.store.jdbc.Database.Access;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The SQL store, on SQLite ({@link #sqlite}) or PostgreSQL ({@link #postgres}). Every SPI method
 * is one statement (one round trip); agents are also served from a short-lived cache, so SEND
 * reads none from the database. Thread-safe.
 */
public final class JdbcStore implements Store {
  private static final Sql HUB_STATS = Sql.of("hub stats", """
      SELECT 'agents' AS k, COUNT(*) AS n FROM agents
      UNION ALL SELECT 'online', COUNT(*) FROM agents WHERE last_heartbeat >= :onlineSince
      UNION ALL SELECT state, COUNT(*) FROM messages GROUP BY state
      """);
  private static final Sql HEALTH = Sql.of("health check", "SELECT 1 AS ok");

  private final SqlDialect dialect;
  private final Database db;
  private final AgentTable agents;
  private final MessageTable messages;
  private final Sweeps sweeps;
  private final Cache<AgentId, Agent> agentCache;
  private final Optional<InboxListener> listener;

  private JdbcStore(SqlDialect dialect, Database db, AgentCacheSettings cache, Optional<InboxListener> listener) {
    this.dialect = dialect;
    this.db = db;
    this.agents = new AgentTable(db);
    this.messages = new MessageTable(db, dialect);
    this.sweeps = new Sweeps(db);
    this.agentCache = Caffeine.newBuilder().maximumSize(cache.maxAgents()).expireAfterWrite(cache.ttl()).build();
    this.listener = listener;
  }

  /**
   * Opens (and on first start creates) {@code admp.db} in the settings' data directory.
   *
   * @throws StoreException when the file cannot be created, opened or migrated
   */
  public static JdbcStore sqlite(SqliteSettings settings) {
    try {
      return new JdbcStore(SqlDialect.SQLITE, SqliteConnections.open(settings), settings.agentCache(), Optional.empty());
    } catch (IOException | RuntimeException e) {
      throw new StoreException("cannot open the SQLite store at " + settings.file().toAbsolutePath()
          + ": " + rootMessage(e), e);
    }
  }

  /** {@link #sqlite(SqliteSettings)} with the defaults. */
  public static JdbcStore sqlite(Path dataDir) {
    return sqlite(SqliteSettings.in(dataDir));
  }

  /**
   * Connects to PostgreSQL, migrates its schema, and listens for new messages from every hub
   * node on the database: {@code inboxWake} receives the inbox of each (a hint; wire it to
   * {@code InboxSignal::wake}). Returns once the listener listens, or after the connection
   * timeout if it cannot yet (it keeps trying).
   *
   * @throws StoreUnavailableException when the database cannot be reached; the message names
   *     {@code DATABASE_URL} without the password
   * @throws StoreException when it is reached but refuses (credentials, permissions, schema)
   */
  public static JdbcStore postgres(PostgresSettings settings, Consumer<AgentId> inboxWake) {
    PostgresConnections.Opened opened;
    try {
      opened = PostgresConnections.open(settings);
    } catch (RuntimeException e) {
      String message = "cannot open the PostgreSQL store at DATABASE_URL=" + settings.redactedUrl()
          + ": " + rootMessage(e);
      throw Database.isConnectionFailure(e) ? new StoreUnavailableException(message, e) : new StoreException(message, e);
    }
    var listener = new InboxListener(opened.listenerSource(), inboxWake, opened.database());
    var store = new JdbcStore(SqlDialect.POSTGRES, opened.database(), settings.agentCache(), Optional.of(listener));
    try {
      listener.start(settings.connectionTimeout());
    } catch (InterruptedException e) {
      store.close();
      Thread.currentThread().interrupt();
      throw new StoreException("interrupted while opening the PostgreSQL store", e);
    }
    return store;
  }

  /** {@link #postgres(PostgresSettings, Consumer)} for a node that needs no cross-node wake-ups. */
  public static JdbcStore postgres(PostgresSettings settings) {
    return postgres(settings, inbox -> { });
  }

  @Override
  public String name() {
    return dialect.storeName();
  }

  @Override
  public Registration registerAgent(Agent agent) {
    if (!agents.register(agent)) {
      return new Registration.AlreadyExists(agent.id());
    }
    agentCache.put(agent.id(), agent);
    return new Registration.Registered(agent);
  }

  @Override
  public Optional<Agent> findAgent(AgentId id) {
    // A miss loads under the cache's per-key lock, so a concurrent write of this node's
    // (which puts after its statement) cannot be overwritten by the older row read here.
    return Optional.ofNullable(agentCache.get(id, key -> agents.find(key).orElse(null)));
  }

  @Override
  public Optional<Agent> updateAgent(AgentId id, AgentUpdate update) {
    Optional<Agent> updated = agents.update(id, update);
    updated.ifPresentOrElse(a -> agentCache.put(id, a), () -> agentCache.invalidate(id));
    return updated;
  }

  @Override
  public boolean deleteAgent(AgentId id) {
    try {
      return agents.delete(id);
    } finally {
      agentCache.invalidate(id);
    }
  }

  @Override
  public EnqueueOutcome enqueue(NewMessage message, Instant now) {
    return messages.enqueue(message, now);
  }

  @Override
  public List<Message> lease(AgentId inbox, int max, Instant now, Instant leaseUntil) {
    if (max < 1) {
      return List.of();
    }
    return messages.lease(inbox, max, now, leaseUntil);
  }

  @Override
  public Transition ack(AgentId owner, MessageId id, LeaseMatch lease, Instant now) {
    return messages.ack(owner, id, lease, now);
  }

  @Override
  public Transition requeue(AgentId owner, MessageId id, LeaseMatch lease, Instant visibleAt, Instant now) {
    return messages.requeue(owner, id, lease, visibleAt, now);
  }

  @Override
  public Transition extendLease(AgentId owner, MessageId id, LeaseMatch lease, Duration extension, Instant now) {
    return messages.extend(owner, id, lease, extension, now);
  }

  @Override
  public Optional<Message> findMessage(MessageId id) {
    return messages.find(id);
  }

  @Override
  public InboxStats inboxStats(AgentId inbox) {
    return messages.stats(inbox);
  }

  @Override
  public HubStats hubStats(Instant onlineSince) {
    record Count(String key, long n) {}
    List<Count> counts = db.query(Access.READ, HUB_STATS, Args.of().millis("onlineSince", onlineSince),
        r -> new Count(r.getString("k"), r.getLong("n")));
    long total = 0;
    long online = 0;
    InboxStats byState = InboxStats.EMPTY;
    for (Count c : counts) {
      switch (c.key()) {
        case "agents" -> total = c.n();
        case "online" -> online = c.n();
        default -> byState = byState.plus(MessageRows.state(c.key()), c.n());
      }
    }
    return new HubStats(total, online, byState);
  }

  @Override
  public ReclaimReport reclaimExpiredLeases(Instant now, int maxAttempts) {
    return sweeps.reclaim(now, maxAttempts);
  }

  @Override
  public ReclaimReport reclaimExpiredLeases(AgentId inbox, Instant now, int maxAttempts) {
    return sweeps.reclaim(inbox, now, maxAttempts);
  }

  @Override
  public int expireMessages(Instant now) {
    return sweeps.expire(now);
  }

  @Override
  public int purgeFinished(Instant cutoff) {
    return sweeps.purge(cutoff);
  }

  @Override
  public StoreCounters counters() {
    return db.counters();
  }

  @Override
  public void checkHealth() {
    db.query(Access.READ, HEALTH, Args.of(), r -> r.getInt("ok"));
  }

  @Override
  public void close() {
    try {
      listener.ifPresent(InboxListener::close);
    } finally {
      db.close();
    }
  }

  @Override
  public String toString() {
    return "JdbcStore[" + dialect.storeName() + "]";
  }

  /** The driver's own words when there are some (Flyway wraps them in paragraphs of advice). */
  private static String rootMessage(Throwable e) {
    Throwable deepest = e;
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException) {
        return t.getMessage();
      }
      deepest = t;
    }
    return deepest.getMessage();
  }
}
