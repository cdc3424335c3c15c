package dev.admp.store.jdbc;

import dev.admp.agent.Agent;
import dev.admp.agent.AgentId;
import dev.admp.inbox.MessageId;
import dev.admp.inbox.NewMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Agents and messages for store tests, at fixed times. */
final class Fixtures {
  static final Instant T0 = Instant.parse("2026-01-15T10:00:00Z");
  static final Duration TTL = Duration.ofDays(1);

  private Fixtures() {}

  static Agent agent(String id) {
    byte[] key = new byte[32];
    key[0] = (byte) id.hashCode();
    return new Agent(AgentId.parse(id), id, "generic", key, "{\"b\":1,\"a\":2}", Optional.empty(), List.of(), T0, T0);
  }

  static NewMessage message(String id, String from, String to) {
    return new NewMessage(new MessageId(id), AgentId.parse(from), AgentId.parse(to),
        "{\"id\":\"" + id + "\",\"body\":{}}", Optional.of(from + "|" + to + "|" + id), T0.plus(TTL));
  }

  static NewMessage withoutDedupKey(String id, String from, String to) {
    return new NewMessage(new MessageId(id), AgentId.parse(from), AgentId.parse(to), "{}", Optional.empty(),
        T0.plus(TTL));
  }

  static AgentId id(String value) {
    return AgentId.parse(value);
  }
}
