-- Times are epoch milliseconds. States are lower-case wire names.

CREATE TABLE agents (
  id             TEXT   NOT NULL PRIMARY KEY,    -- canonical id (no agent:// prefix)
  registered_as  TEXT   NOT NULL,
  agent_type     TEXT   NOT NULL,
  public_key     BYTEA  NOT NULL,
  metadata       TEXT   NOT NULL,                -- kept as written: key order matters to clients
  webhook_url    TEXT,
  webhook_secret TEXT,
  trusted        TEXT   NOT NULL,                -- canonical ids separated by one space
  created_at     BIGINT NOT NULL,
  last_heartbeat BIGINT NOT NULL
);

CREATE TABLE messages (
  seq         BIGINT  GENERATED ALWAYS AS IDENTITY PRIMARY KEY, -- arrival order, breaks ties of created_at
  id          TEXT    NOT NULL UNIQUE,
  from_agent  TEXT    NOT NULL,
  to_agent    TEXT    NOT NULL,
  envelope    TEXT    NOT NULL,
  dedup_key   TEXT    UNIQUE,                    -- NULLs are distinct: messages without a key never collide
  state       TEXT    NOT NULL CHECK (state IN ('queued', 'leased', 'acked', 'expired', 'dead')),
  attempts    INTEGER NOT NULL,
  created_at  BIGINT  NOT NULL,
  updated_at  BIGINT  NOT NULL,
  visible_at  BIGINT  NOT NULL,
  expires_at  BIGINT  NOT NULL,
  lease_id    TEXT,
  lease_until BIGINT,
  acked_at    BIGINT,
  -- Set to a random value by a conditional write that took effect, so that one statement can
  -- tell "applied" from "refused" by its RETURNING row (RETURNING sees only the new row).
  op_nonce    BIGINT
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
CREATE FUNCTION admp_delete_inbox() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM messages WHERE to_agent = OLD.id;
  RETURN NULL;
END
$$;
CREATE TRIGGER agents_delete_inbox AFTER DELETE ON agents
  FOR EACH ROW EXECUTE FUNCTION admp_delete_inbox();

-- A wake-up hint for long polls on every hub node: a message became pullable in this inbox.
-- It is only a hint (a lost one costs at most the pull loop's re-check interval).
CREATE FUNCTION admp_notify_inbox() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('admp_inbox', NEW.to_agent);
  RETURN NULL;
END
$$;
CREATE TRIGGER messages_notify_insert AFTER INSERT ON messages
  FOR EACH ROW EXECUTE FUNCTION admp_notify_inbox();
CREATE TRIGGER messages_notify_requeue AFTER UPDATE OF state ON messages
  FOR EACH ROW WHEN (NEW.state = 'queued' AND OLD.state <> 'queued') EXECUTE FUNCTION admp_notify_inbox();
