-- Times are epoch milliseconds. States are lower-case wire names.

CREATE TABLE agents (
  id             TEXT    NOT NULL PRIMARY KEY,   -- canonical id (no agent:// prefix)
  registered_as  TEXT    NOT NULL,
  agent_type     TEXT    NOT NULL,
  public_key     BLOB    NOT NULL,
  metadata       TEXT    NOT NULL,
  webhook_url    TEXT,
  webhook_secret TEXT,
  trusted        TEXT    NOT NULL,               -- canonical ids separated by one space
  created_at     INTEGER NOT NULL,
  last_heartbeat INTEGER NOT NULL
);

CREATE TABLE messages (
  seq         INTEGER NOT NULL PRIMARY KEY,      -- arrival order, breaks ties of created_at
  id          TEXT    NOT NULL UNIQUE,
  from_agent  TEXT    NOT NULL,
  to_agent    TEXT    NOT NULL,
  envelope    TEXT    NOT NULL,
  dedup_key   TEXT    UNIQUE,                    -- NULLs are distinct: messages without a key never collide
  state       TEXT    NOT NULL CHECK (state IN ('queued', 'leased', 'acked', 'expired', 'dead')),
  attempts    INTEGER NOT NULL,
  created_at  INTEGER NOT NULL,
  updated_at  INTEGER NOT NULL,
  visible_at  INTEGER NOT NULL,
  expires_at  INTEGER NOT NULL,
  lease_id    TEXT,
  lease_until INTEGER,
  acked_at    INTEGER,
  -- Set to a random value by a conditional write that took effect, so that one statement can
  -- tell "applied" from "refused" by its RETURNING row (SQLite's RETURNING cannot see old values).
  op_nonce    INTEGER
);

-- PULL: the oldest queued messages of one inbox, in arrival order.
CREATE INDEX messages_queued ON messages (to_agent, created_at, seq) WHERE state = 'queued';
-- Inbox stats, per-inbox reclaim and deleting an agent's inbox.
CREATE INDEX messages_inbox_state ON messages (to_agent, state);
-- Lease sweep.
CREATE INDEX messages_lease_until ON messages (lease_until) WHERE state = 'leased';
-- TTL sweep.
CREATE INDEX messages_expires_at ON messages (expires_at) WHERE state IN ('queued', 'leased');
-- Retention purge.
CREATE INDEX messages_finished ON messages (updated_at) WHERE state IN ('acked', 'expired', 'dead');

-- Deleting an agent deletes its inbox in the same statement.
CREATE TRIGGER agents_delete_inbox AFTER DELETE ON agents
BEGIN
  DELETE FROM messages WHERE to_agent = OLD.id;
END;
