-- PULL takes an inbox's queued messages in arrival order (seq) alone, as every store does;
-- created_at, written by each node's own clock, no longer takes part in the order.
DROP INDEX messages_queued;
CREATE INDEX messages_queued ON messages (to_agent, seq) WHERE state = 'queued';
