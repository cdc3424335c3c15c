package dev.admp.store.mech;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.admp.agent.Agent;
import dev.admp.agent.AgentId;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * What the hub knows of agents: full agents in a bounded Caffeine cache (absent ones too, as the hub
 * owns every write), the last heartbeat of every agent for hub statistics, and a lock per agent
 * stripe so updates of one agent apply in order.
 */
final class AgentDirectory {
  private static final Duration CACHE_TTL = Duration.ofMinutes(30);

  private final Cache<AgentId, Optional<Agent>> cache;
  private final ConcurrentMap<AgentId, Instant> heartbeats = new ConcurrentHashMap<>();
  private final ReentrantLock[] stripes = new ReentrantLock[64];
  private final AtomicLong version = new AtomicLong();

  AgentDirectory(int cacheSize) {
    this.cache = Caffeine.newBuilder().maximumSize(cacheSize).expireAfterWrite(CACHE_TTL).build();
    for (int i = 0; i < stripes.length; i++) {
      stripes[i] = new ReentrantLock();
    }
  }

  /** The cached answer, or {@code load}'s (one read), which is then cached. */
  Optional<Agent> find(AgentId id, Supplier<Optional<Agent>> load) {
    Optional<Agent> cached = cache.getIfPresent(id);
    if (cached != null) {
      return cached;
    }
    Optional<Agent> loaded = load.get();
    cache.put(id, loaded);
    return loaded;
  }

  /** A new agent: the id list changed. */
  void added(Agent agent) {
    stored(agent);
    version.incrementAndGet();
  }

  void stored(Agent agent) {
    cache.put(agent.id(), Optional.of(agent));
    heartbeats.put(agent.id(), agent.lastHeartbeat());
  }

  /** Known from a listing at start: counted, and cached while there is room. */
  void load(Agent agent) {
    heartbeats.put(agent.id(), agent.lastHeartbeat());
    if (cache.estimatedSize() < cache.policy().eviction().map(e -> e.getMaximum()).orElse(Long.MAX_VALUE)) {
      cache.put(agent.id(), Optional.of(agent));
    }
  }

  void gone(AgentId id) {
    cache.put(id, Optional.empty());
    heartbeats.remove(id);
    version.incrementAndGet();
  }

  /** Changes whenever an agent is added or removed. */
  long version() {
    return version.get();
  }

  /** Forgets what the cache says, so the next read asks Mech. */
  void invalidate(AgentId id) {
    cache.invalidate(id);
  }

  long count() {
    return heartbeats.size();
  }

  long seenSince(Instant since) {
    return heartbeats.values().stream().filter(t -> !t.isBefore(since)).count();
  }

  java.util.List<String> ids() {
    return heartbeats.keySet().stream().map(AgentId::value).toList();
  }

  ReentrantLock lockFor(AgentId id) {
    return stripes[Math.floorMod(id.hashCode(), stripes.length)];
  }
}
