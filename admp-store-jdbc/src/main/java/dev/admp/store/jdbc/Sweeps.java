package dev.admp.store.jdbc;

import dev.admp.agent.AgentId;
import dev.admp.inbox.MessageState;
import dev.admp.store.ReclaimReport;
import dev.admp.store.jdbc.Database.Access;
import java.time.Instant;
import java.util.List;

/** The set-based sweeps: one statement each, whatever the number of rows. */
final class Sweeps {
  private static final String RECLAIM = """
      UPDATE messages
         SET state = CASE WHEN attempts >= :maxAttempts THEN 'dead' ELSE 'queued' END,
             visible_at = CASE WHEN attempts >= :maxAttempts THEN visible_at ELSE :now END,
             lease_id = NULL, lease_until = NULL, updated_at = :now
       WHERE state = 'leased' AND lease_until <= :now %s
      RETURNING state
      """;
  private static final Sql RECLAIM_ALL = Sql.of("reclaim expired leases", RECLAIM.formatted(""));
  private static final Sql RECLAIM_INBOX = Sql.of("reclaim expired leases of an inbox",
      RECLAIM.formatted("AND to_agent = :inbox"));
  private static final Sql EXPIRE = Sql.of("expire messages", """
      UPDATE messages SET state = 'expired', lease_id = NULL, lease_until = NULL, updated_at = :now
       WHERE state IN ('queued', 'leased') AND expires_at <= :now
      """);
  private static final Sql PURGE = Sql.of("purge finished messages", """
      DELETE FROM messages WHERE state IN ('acked', 'expired', 'dead') AND updated_at <= :cutoff
      """);

  private final Database db;

  Sweeps(Database db) {
    this.db = db;
  }

  ReclaimReport reclaim(Instant now, int maxAttempts) {
    return reclaim(RECLAIM_ALL, Args.of().millis("now", now).number("maxAttempts", maxAttempts));
  }

  ReclaimReport reclaim(AgentId inbox, Instant now, int maxAttempts) {
    return reclaim(RECLAIM_INBOX,
        Args.of().millis("now", now).number("maxAttempts", maxAttempts).text("inbox", inbox.value()));
  }

  int expire(Instant now) {
    return db.update(EXPIRE, Args.of().millis("now", now));
  }

  int purge(Instant cutoff) {
    return db.update(PURGE, Args.of().millis("cutoff", cutoff));
  }

  private ReclaimReport reclaim(Sql sql, Args args) {
    List<MessageState> states = db.query(Access.WRITE, sql, args, r -> MessageRows.state(r.getString("state")));
    int dead = (int) states.stream().filter(s -> s == MessageState.DEAD).count();
    return new ReclaimReport(states.size() - dead, dead);
  }
}
