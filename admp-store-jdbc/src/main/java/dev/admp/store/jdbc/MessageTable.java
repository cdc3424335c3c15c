package dev.admp.store.jdbc;

import static java.util.stream.Collectors.joining;

import dev.admp.agent.AgentId;
import dev.admp.inbox.EnqueueOutcome;
import dev.admp.inbox.InboxStats;
import dev.admp.inbox.LeaseId;
import dev.admp.inbox.LeaseMatch;
import dev.admp.inbox.Message;
import dev.admp.inbox.MessageId;
import dev.admp.inbox.MessageState;
import dev.admp.inbox.NewMessage;
import dev.admp.inbox.Transition;
import dev.admp.store.StoreException;
import dev.admp.store.jdbc.Database.Access;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/** The message verbs, one statement each. */
final class MessageTable {
  /** Enqueue retries only when a concurrent twin hid from the statement's snapshot; a second try sees it. */
  private static final int ENQUEUE_TRIES = 3;

  /**
   * A transition applies when the caller owns the message and holds its lease. Every column
   * keeps its old value otherwise, so the returned row is then the untouched row, which tells
   * why the transition was refused; {@code op_nonce} tells which of the two happened.
   */
  private static final String HOLDS_LEASE =
      "(to_agent = :owner AND state = 'leased' AND (CAST(:lease AS TEXT) IS NULL OR lease_id = :lease))";

  private static final Sql ACK = transition("ack", Map.of(
      "state", "'acked'", "updated_at", ":now", "acked_at", ":now", "lease_id", "NULL", "lease_until", "NULL"));
  private static final Sql REQUEUE = transition("requeue", Map.of(
      "state", "'queued'", "updated_at", ":now", "visible_at", ":visibleAt", "lease_id", "NULL", "lease_until", "NULL"));
  private static final Sql EXTEND = transition("extend lease", Map.of(
      "updated_at", ":now", "lease_until", "(CASE WHEN lease_until > :now THEN lease_until ELSE :now END) + :extension"));

  private static final Sql FIND = Sql.of("find message",
      "SELECT " + MessageRows.COLUMNS + " FROM messages WHERE id = :id");
  private static final Sql INBOX_STATS = Sql.of("inbox stats",
      "SELECT state, COUNT(*) AS n FROM messages WHERE to_agent = :inbox GROUP BY state");

  private final Database db;
  private final SqlDialect dialect;
  private final Sql lease;

  MessageTable(Database db, SqlDialect dialect) {
    this.db = db;
    this.dialect = dialect;
    // MATERIALIZED: the claimed set is computed (and on PostgreSQL locked) exactly once.
    this.lease = Sql.of("lease", """
        WITH next AS MATERIALIZED (
          SELECT seq FROM messages
           WHERE to_agent = :inbox AND state = 'queued' AND visible_at <= :now AND expires_at > :now
           ORDER BY seq
           LIMIT :max
           %s
        )
        UPDATE messages
           SET state = 'leased', attempts = attempts + 1, updated_at = :now,
               lease_id = :lease || '-' || seq, lease_until = :until
         WHERE seq IN (SELECT seq FROM next)
        RETURNING %s
        """.formatted(dialect.claimLock(), MessageRows.COLUMNS));
  }

  private record Found(Message message, boolean existing) {}

  EnqueueOutcome enqueue(NewMessage m, Instant now) {
    Args args = Args.of().text("id", m.id().value()).text("from", m.from().value()).text("to", m.to().value())
        .text("envelope", m.envelopeJson()).text("dedup", m.dedupKey()).millis("now", now)
        .millis("expires", m.expiresAt()).number("nonce", nonce());
    for (int i = 0; i < ENQUEUE_TRIES; i++) {
      List<Found> rows = db.query(Access.WRITE, dialect.enqueue(), args,
          r -> new Found(MessageRows.read(r), r.getInt("existing") == 1));
      if (!rows.isEmpty()) {
        return outcome(m, rows);
      }
    }
    throw new StoreException("enqueue of " + m.id() + " found neither room nor the colliding message");
  }

  private static EnqueueOutcome outcome(NewMessage m, List<Found> rows) {
    for (Found f : rows) {
      if (!f.existing()) {
        return new EnqueueOutcome.Enqueued(f.message());
      }
    }
    for (Found f : rows) {
      if (m.dedupKey().isPresent() && f.message().dedupKey().equals(m.dedupKey())) {
        return new EnqueueOutcome.Duplicate(f.message());
      }
    }
    return new EnqueueOutcome.IdConflict(m.id());
  }

  List<Message> lease(AgentId inbox, int max, Instant now, Instant until) {
    Args args = Args.of().text("inbox", inbox.value()).millis("now", now).number("max", max)
        .text("lease", LeaseId.generate().value()).millis("until", until);
    record Claimed(long seq, Message message) {}
    List<Claimed> claimed = db.query(Access.WRITE, lease, args, r -> new Claimed(r.getLong("seq"), MessageRows.read(r)));
    // RETURNING has no order; the caller gets arrival order.
    return claimed.stream().sorted(Comparator.comparingLong(Claimed::seq)).map(Claimed::message).toList();
  }

  Transition ack(AgentId owner, MessageId id, LeaseMatch match, Instant now) {
    return transition(ACK, owner, id, match, Args.of().millis("now", now));
  }

  Transition requeue(AgentId owner, MessageId id, LeaseMatch match, Instant visibleAt, Instant now) {
    return transition(REQUEUE, owner, id, match, Args.of().millis("now", now).millis("visibleAt", visibleAt));
  }

  Transition extend(AgentId owner, MessageId id, LeaseMatch match, Duration extension, Instant now) {
    return transition(EXTEND, owner, id, match, Args.of().millis("now", now).number("extension", extension.toMillis()));
  }

  Optional<Message> find(MessageId id) {
    return db.query(Access.READ, FIND, Args.of().text("id", id.value()), MessageRows::read).stream().findFirst();
  }

  InboxStats stats(AgentId inbox) {
    record Count(MessageState state, long n) {}
    List<Count> counts = db.query(Access.READ, INBOX_STATS, Args.of().text("inbox", inbox.value()),
        r -> new Count(MessageRows.state(r.getString("state")), r.getLong("n")));
    InboxStats stats = InboxStats.EMPTY;
    for (Count c : counts) {
      stats = stats.plus(c.state(), c.n());
    }
    return stats;
  }

  private record Outcome(Message row, boolean applied) {}

  private Transition transition(Sql sql, AgentId owner, MessageId id, LeaseMatch match, Args args) {
    long nonce = nonce();
    String lease = switch (match) {
      case LeaseMatch.AnyLease any -> null;
      case LeaseMatch.Exactly exactly -> exactly.id().value();
    };
    args.text("owner", owner.value()).text("lease", lease).text("id", id.value()).number("nonce", nonce);
    List<Outcome> rows = db.query(Access.WRITE, sql, args,
        r -> new Outcome(MessageRows.read(r), MessageRows.stampedWith(r, nonce)));
    if (rows.isEmpty()) {
      return new Transition.NotFound(id);
    }
    Outcome o = rows.getFirst();
    Message m = o.row();
    if (o.applied()) {
      return new Transition.Done(m);
    }
    if (!m.to().equals(owner)) {
      return new Transition.NotOwner(id);
    }
    if (m.state() != MessageState.LEASED) {
      return new Transition.WrongState(id, m.state());
    }
    return new Transition.LeaseLost(id);
  }

  private static Sql transition(String operation, Map<String, String> changes) {
    var all = new LinkedHashMap<>(changes);
    all.put("op_nonce", ":nonce");
    String sets = all.entrySet().stream()
        .map(e -> e.getKey() + " = CASE WHEN " + HOLDS_LEASE + " THEN " + e.getValue() + " ELSE " + e.getKey() + " END")
        .collect(joining(",\n    "));
    return Sql.of(operation, "UPDATE messages SET\n    " + sets + "\nWHERE id = :id\nRETURNING " + MessageRows.COLUMNS);
  }

  /** A fresh stamp for one conditional write; collisions with a stale stamp are 1 in 2^64. */
  private static long nonce() {
    return ThreadLocalRandom.current().nextLong();
  }
}
