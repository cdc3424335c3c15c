package dev.admp.store.jdbc;

/**
 * What differs between the two databases. Everything else — the schema's shape, the
 * conditional transitions, the sweeps, the stats — is one SQL text for both.
 */
enum SqlDialect {
  /**
   * One hub node; every write goes through one connection, so a claim needs no row locks.
   * SQLite has no data-modifying CTEs, so an idempotent insert reports the row it collided
   * with through an upsert that only stamps {@code op_nonce}.
   */
  SQLITE("sqlite", "classpath:db/migration/sqlite", "", """
      INSERT INTO messages (id, from_agent, to_agent, envelope, dedup_key, state, attempts,
                            created_at, updated_at, visible_at, expires_at)
      VALUES (:id, :from, :to, :envelope, :dedup, 'queued', 0, :now, :now, :now, :expires)
      ON CONFLICT (dedup_key) DO UPDATE SET op_nonce = :nonce
      ON CONFLICT (id) DO UPDATE SET op_nonce = :nonce
      RETURNING %s, coalesce(op_nonce = :nonce, 0) AS existing
      """.formatted(MessageRows.COLUMNS)),

  /**
   * Many hub nodes; claims skip rows another node has locked. The insert does nothing on a
   * collision and the same statement returns the colliding rows, read from its snapshot (a
   * concurrent twin that committed after the snapshot yields no row, and the caller retries).
   */
  POSTGRES("postgres", "classpath:db/migration/postgres", "FOR UPDATE SKIP LOCKED", """
      WITH inserted AS (
        INSERT INTO messages (id, from_agent, to_agent, envelope, dedup_key, state, attempts,
                              created_at, updated_at, visible_at, expires_at)
        VALUES (:id, :from, :to, :envelope, :dedup, 'queued', 0, :now, :now, :now, :expires)
        ON CONFLICT DO NOTHING
        RETURNING %1$s
      )
      SELECT %1$s, 0 AS existing FROM inserted
      UNION ALL
      SELECT %1$s, 1 FROM messages
       WHERE (dedup_key = CAST(:dedup AS TEXT) OR id = :id) AND NOT EXISTS (SELECT 1 FROM inserted)
      """.formatted(MessageRows.COLUMNS));

  private final String storeName;
  private final String migrations;
  private final String claimLock;
  private final Sql enqueue;

  SqlDialect(String storeName, String migrations, String claimLock, String enqueue) {
    this.storeName = storeName;
    this.migrations = migrations;
    this.claimLock = claimLock;
    this.enqueue = Sql.of("enqueue", enqueue);
  }

  /** {@code sqlite} or {@code postgres}: the store's name in logs, health and metrics. */
  String storeName() {
    return storeName;
  }

  /** Where this dialect's Flyway migrations live. */
  String migrations() {
    return migrations;
  }

  /** The locking clause of the claim query: empty where writes are already serialised. */
  String claimLock() {
    return claimLock;
  }

  /** The idempotent insert; each row carries {@code existing} (0 = inserted now, 1 = found). */
  Sql enqueue() {
    return enqueue;
  }
}
