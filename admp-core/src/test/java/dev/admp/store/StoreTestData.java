package dev.admp.store;

import dev.admp.agent.Agent;
import dev.admp.agent.AgentId;
import dev.admp.inbox.MessageId;
import dev.admp.inbox.NewMessage;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Agents, messages and instants for the storage contract. Instants have whole milliseconds, so
 * stores that keep millisecond precision round-trip them exactly.
 */
public final class StoreTestData {
  public static final Instant T0 = Instant.parse("2026-01-15T10:00:00Z");
  public static final AgentId ALICE = new AgentId("alice");
  public static final AgentId BOB = new AgentId("bob");
  public static final AgentId CAROL = new AgentId("carol");

  private StoreTestData() {}

  /** {@code T0} plus whole seconds. */
  public static Instant at(long seconds) {
    return T0.plusSeconds(seconds);
  }

  /** An agent registered at {@code T0} under its prefixed spelling, with metadata whose keys are not sorted. */
  public static Agent agent(AgentId id) {
    return new Agent(id, AgentId.PREFIX + id, "generic", publicKey(id), "{\"zone\":\"eu\",\"name\":\"Zoë\"}",
        Optional.empty(), List.of(), T0, T0);
  }

  /** A message from {@code from} to {@code to} with the dedup key a SEND with envelope id {@code id} has. */
  public static NewMessage message(String id, AgentId from, AgentId to) {
    return new NewMessage(new MessageId(id), from, to, envelope(id, from, to),
        Optional.of(from + "|" + to + "|" + id), at(86_400));
  }

  /** A message from alice. */
  public static NewMessage message(String id, AgentId to) {
    return message(id, ALICE, to);
  }

  /** As {@link #message(String, AgentId)}, expiring at {@code expiresAt}. */
  public static NewMessage expiring(String id, AgentId to, Instant expiresAt) {
    NewMessage m = message(id, to);
    return new NewMessage(m.id(), m.from(), m.to(), m.envelopeJson(), m.dedupKey(), expiresAt);
  }

  /** As {@link #message(String, AgentId)}, with another dedup key. */
  public static NewMessage withDedupKey(NewMessage m, Optional<String> dedupKey) {
    return new NewMessage(m.id(), m.from(), m.to(), m.envelopeJson(), dedupKey, m.expiresAt());
  }

  /** Envelope text with keys out of order, non-ASCII text and a nested body: stores must keep it byte for byte. */
  public static String envelope(String id, AgentId from, AgentId to) {
    return "{\"version\":\"1.0\",\"id\":\"" + id + "\",\"from\":\"agent://" + from + "\",\"to\":\"agent://" + to
        + "\",\"subject\":\"run_tests\",\"timestamp\":\"2026-01-15T10:00:00.000Z\","
        + "\"body\":{\"z\":1,\"a\":[true,null,1.5],\"text\":\"Grüße ✓\"}}";
  }

  private static byte[] publicKey(AgentId id) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(id.value().getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
