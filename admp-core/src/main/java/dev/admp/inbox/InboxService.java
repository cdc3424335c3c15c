package dev.admp.inbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.admp.InvalidRequestException;
import dev.admp.NotFoundException;
import dev.admp.agent.AgentId;
import dev.admp.agent.AgentService;
import dev.admp.store.HubStats;
import dev.admp.store.ReclaimReport;
import dev.admp.store.Store;
import dev.admp.webhook.WebhookPort;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Inbox use cases: SEND, REPLY, PULL (with long poll), ACK, NACK, status and counts, with the
 * rules and error codes of {@code API.md}. Thread-safe. It does not authenticate callers: the
 * server checks who may act on an inbox or ask for a message's status before calling.
 */
public final class InboxService {
  private final Store store;
  private final AgentService agents;
  private final Clock clock;
  private final InboxSettings settings;
  private final InboxSignal signal;
  private final Delivery delivery;
  private final LongPoll longPoll;

  public InboxService(Store store, AgentService agents, Clock clock, InboxSettings settings, WebhookPort webhooks,
      InboxSignal signal) {
    this.store = Objects.requireNonNull(store, "store");
    this.agents = Objects.requireNonNull(agents, "agents");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.signal = Objects.requireNonNull(signal, "signal");
    this.delivery = new Delivery(store, agents, settings, Objects.requireNonNull(webhooks, "webhooks"), signal);
    this.longPoll = new LongPoll(store, clock, signal);
  }

  /**
   * SEND to {@code pathRecipient}'s inbox. A repeat of an earlier SEND with the same (from, to,
   * Idempotency-Key or envelope id) returns that message's receipt with {@code duplicate} set.
   */
  public SendReceipt send(AgentId pathRecipient, ObjectNode envelope, Optional<String> idempotencyKey) {
    Instant now = clock.instant();
    EnvelopeFields fields = EnvelopeFields.check(envelope, now, settings.clockSkew());
    fields.to().filter(to -> !to.equals(pathRecipient)).ifPresent(to -> {
      throw new InvalidRequestException("TO_MISMATCH",
          "envelope is addressed to " + to + " but was sent to the inbox of " + pathRecipient);
    });
    return delivery.deliver(new Outgoing(envelope, envelope.deepCopy(), fields, pathRecipient, idempotencyKey), now);
  }

  /**
   * REPLY by {@code replier} to {@code original}, a message in its inbox. The signature covers the
   * envelope as received; the hub then fills {@code to} (the original sender) and
   * {@code correlation_id} (the original id) where they are absent.
   */
  public SendReceipt reply(AgentId replier, MessageId original, ObjectNode envelope) {
    Instant now = clock.instant();
    Message replyingTo = store.findMessage(original).filter(m -> m.to().equals(replier))
        .orElseThrow(() -> new NotFoundException("MESSAGE_NOT_FOUND",
            "message " + original + " not found in the inbox of " + replier));
    EnvelopeFields fields = EnvelopeFields.check(envelope, now, settings.clockSkew());
    if (!fields.from().equals(replier)) {
      throw new InvalidRequestException("SEND_FAILED", "a reply by " + replier + " cannot be from " + fields.from());
    }
    fields.to().filter(to -> !to.equals(replyingTo.from())).ifPresent(to -> {
      throw new InvalidRequestException("SEND_FAILED",
          "a reply to message " + original + " goes to " + replyingTo.from() + ", not to " + to);
    });
    fields.correlationId().filter(c -> !c.equals(original.value())).ifPresent(c -> {
      throw new InvalidRequestException("SEND_FAILED",
          "a reply to message " + original + " must have correlation_id " + original);
    });
    ObjectNode toStore = envelope.deepCopy();
    if (fields.correlationId().isEmpty()) {
      toStore.put("correlation_id", original.value());
    }
    return delivery.deliver(new Outgoing(envelope, toStore, fields, replyingTo.from(), Optional.empty()), now);
  }

  /** PULL: leases up to {@code max} messages, waiting up to {@code maxWait} for one; empty when none came. */
  public List<Message> pull(AgentId inbox, PullRequest request) {
    return longPoll.pull(inbox, request);
  }

  /** ACK of a leased message of {@code inbox}. */
  public Message ack(AgentId inbox, MessageId id, LeaseMatch lease) {
    return LeaseVerb.ACK.result(store.ack(inbox, id, lease, clock.instant()), inbox);
  }

  /** NACK: extends the lease when asked, else requeues the message, visible again after the delay. */
  public Message nack(AgentId inbox, MessageId id, NackRequest request) {
    Instant now = clock.instant();
    if (request.extend().isPresent()) {
      return LeaseVerb.NACK.result(store.extendLease(inbox, id, request.lease(), request.extend().get(), now), inbox);
    }
    Message requeued = LeaseVerb.NACK.result(store.requeue(inbox, id, request.lease(), now.plus(request.delay()), now), inbox);
    if (request.delay().isZero()) {
      signal.wake(inbox);
    }
    return requeued;
  }

  /** The message, or 404 {@code MESSAGE_NOT_FOUND}. */
  public Message status(MessageId id) {
    return store.findMessage(id)
        .orElseThrow(() -> new NotFoundException("MESSAGE_NOT_FOUND", "message " + id + " not found"));
  }

  public InboxStats stats(AgentId inbox) {
    return store.inboxStats(inbox);
  }

  /** Returns the inbox's expired leases to the queue (or to dead after the last attempt). */
  public ReclaimReport reclaim(AgentId inbox) {
    ReclaimReport report = store.reclaimExpiredLeases(inbox, clock.instant(), settings.maxAttempts());
    if (report.requeued() > 0) {
      signal.wake(inbox);
    }
    return report;
  }

  public HubStats hubStats() {
    return store.hubStats(agents.onlineSince());
  }
}
