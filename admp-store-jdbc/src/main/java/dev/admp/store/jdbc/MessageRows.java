package dev.admp.store.jdbc;

import dev.admp.agent.AgentId;
import dev.admp.inbox.Lease;
import dev.admp.inbox.LeaseId;
import dev.admp.inbox.Message;
import dev.admp.inbox.MessageId;
import dev.admp.inbox.MessageState;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/** Reads {@code messages} rows; every message statement selects or returns {@link #COLUMNS}. */
final class MessageRows {
  static final String COLUMNS = "seq, id, from_agent, to_agent, envelope, dedup_key, state, attempts, "
      + "created_at, updated_at, visible_at, expires_at, lease_id, lease_until, acked_at, op_nonce";

  private MessageRows() {}

  static Message read(ResultSet row) throws SQLException {
    MessageState state = state(row.getString("state"));
    Optional<Lease> lease = state == MessageState.LEASED
        ? Optional.of(new Lease(new LeaseId(row.getString("lease_id")), Instant.ofEpochMilli(row.getLong("lease_until"))))
        : Optional.empty();
    return new Message(
        new MessageId(row.getString("id")),
        new AgentId(row.getString("from_agent")),
        new AgentId(row.getString("to_agent")),
        row.getString("envelope"),
        Optional.ofNullable(row.getString("dedup_key")),
        state,
        row.getInt("attempts"),
        Instant.ofEpochMilli(row.getLong("created_at")),
        Instant.ofEpochMilli(row.getLong("updated_at")),
        Instant.ofEpochMilli(row.getLong("visible_at")),
        Instant.ofEpochMilli(row.getLong("expires_at")),
        lease,
        optionalMillis(row, "acked_at"));
  }

  /** The state as stored: the lower-case wire name. */
  static MessageState state(String stored) {
    return MessageState.valueOf(stored.toUpperCase(Locale.ROOT));
  }

  /** Whether the row's {@code op_nonce} is {@code nonce}: the conditional write that returned it took effect. */
  static boolean stampedWith(ResultSet row, long nonce) throws SQLException {
    long stamp = row.getLong("op_nonce");
    return !row.wasNull() && stamp == nonce;
  }

  private static Optional<Instant> optionalMillis(ResultSet row, String column) throws SQLException {
    long millis = row.getLong(column);
    return row.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(millis));
  }
}
