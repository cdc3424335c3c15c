package dev.admp.inbox;

import dev.admp.agent.AgentId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A message in an inbox, as stored.
 *
 * @param id message id, unique across the hub
 * @param from canonical sender
 * @param to canonical recipient (the inbox)
 * @param envelopeJson the envelope as delivered to the recipient, kept as text
 * @param dedupKey idempotency key of the SEND ({@code from|to|id-or-key}); empty when the SEND had neither
 * @param state lifecycle state
 * @param attempts how many times it was leased
 * @param createdAt arrival time; FIFO order within an inbox follows arrival
 * @param updatedAt last transition; for terminal states, when it became terminal
 * @param visibleAt a queued message is not leased before this
 * @param expiresAt {@code createdAt + ttl}: not leased at or after this, and swept to expired
 * @param lease the current lease, present exactly when {@code state == LEASED}
 * @param ackedAt when it was acked
 */
public record Message(
    MessageId id,
    AgentId from,
    AgentId to,
    String envelopeJson,
    Optional<String> dedupKey,
    MessageState state,
    int attempts,
    Instant createdAt,
    Instant updatedAt,
    Instant visibleAt,
    Instant expiresAt,
    Optional<Lease> lease,
    Optional<Instant> ackedAt) {

  public Message {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(envelopeJson, "envelopeJson");
    Objects.requireNonNull(dedupKey, "dedupKey");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
    Objects.requireNonNull(visibleAt, "visibleAt");
    Objects.requireNonNull(expiresAt, "expiresAt");
    Objects.requireNonNull(lease, "lease");
    Objects.requireNonNull(ackedAt, "ackedAt");
    if ((state == MessageState.LEASED) != lease.isPresent()) {
      throw new IllegalArgumentException("message " + id + " is " + state + " but lease is " + lease);
    }
  }

  /** A new queued message as {@code Store.enqueue} stores it. */
  public static Message queued(NewMessage m, Instant now) {
    return new Message(m.id(), m.from(), m.to(), m.envelopeJson(), m.dedupKey(), MessageState.QUEUED, 0,
        now, now, now, m.expiresAt(), Optional.empty(), Optional.empty());
  }

  public Message leased(Lease newLease, Instant now) {
    return new Message(id, from, to, envelopeJson, dedupKey, MessageState.LEASED, attempts + 1,
        createdAt, now, visibleAt, expiresAt, Optional.of(newLease), ackedAt);
  }

  public Message acked(Instant now) {
    return new Message(id, from, to, envelopeJson, dedupKey, MessageState.ACKED, attempts,
        createdAt, now, visibleAt, expiresAt, Optional.empty(), Optional.of(now));
  }

  public Message requeued(Instant visibleFrom, Instant now) {
    return new Message(id, from, to, envelopeJson, dedupKey, MessageState.QUEUED, attempts,
        createdAt, now, visibleFrom, expiresAt, Optional.empty(), ackedAt);
  }

  public Message withLease(Lease extended, Instant now) {
    return new Message(id, from, to, envelopeJson, dedupKey, MessageState.LEASED, attempts,
        createdAt, now, visibleAt, expiresAt, Optional.of(extended), ackedAt);
  }

  /** Still leased, until {@code max(now, current end) + extension}: an ended lease extends from now. */
  public Message leaseExtended(java.time.Duration extension, Instant now) {
    Lease current = lease.orElseThrow(() -> new IllegalStateException("message " + id + " is " + state));
    Instant from = current.until().isAfter(now) ? current.until() : now;
    return withLease(new Lease(current.id(), from.plus(extension)), now);
  }

  /** Moves to a terminal state other than acked (expired, dead). */
  public Message ended(MessageState terminal, Instant now) {
    if (!terminal.isTerminal()) {
      throw new IllegalArgumentException(terminal + " is not terminal");
    }
    return new Message(id, from, to, envelopeJson, dedupKey, terminal, attempts,
        createdAt, now, visibleAt, expiresAt, Optional.empty(), ackedAt);
  }

  /** Visible to a pull at {@code now}: queued, due, and not past its TTL. */
  public boolean isVisible(Instant now) {
    return state == MessageState.QUEUED && !visibleAt.isAfter(now) && expiresAt.isAfter(now);
  }
}
