package dev.admp.store.jdbc;

import java.time.Duration;

/**
 * The store's agent cache, which lets SEND read no agent from the database. A node sees its own
 * writes at once; another node's changes (PostgreSQL) show within {@code ttl}.
 *
 * @param ttl how long a cached agent is trusted; 1–5 s keeps nodes close without costing reads
 * @param maxAgents bound on cached agents
 */
public record AgentCacheSettings(Duration ttl, int maxAgents) {
  public static final AgentCacheSettings DEFAULT = new AgentCacheSettings(Duration.ofSeconds(2), 10_000);

  public AgentCacheSettings {
    if (ttl == null || ttl.isNegative()) {
      throw new IllegalArgumentException("agent cache ttl must be zero or positive, was " + ttl);
    }
    if (maxAgents < 0) {
      throw new IllegalArgumentException("agent cache size must be zero or positive, was " + maxAgents);
    }
  }
}
