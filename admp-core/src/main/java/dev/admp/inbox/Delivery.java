package dev.admp.inbox;

import dev.admp.ConflictException;
import dev.admp.ForbiddenException;
import dev.admp.InvalidRequestException;
import dev.admp.NotFoundException;
import dev.admp.agent.Agent;
import dev.admp.agent.AgentService;
import dev.admp.protocol.envelope.EnvelopeSignature;
import dev.admp.protocol.json.JsJson;
import dev.admp.store.Store;
import dev.admp.webhook.WebhookPort;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The part of SEND and REPLY after the envelope's own fields are checked: recipient and sender
 * exist, the signature verifies, the recipient trusts the sender; then one idempotent enqueue,
 * a wake-up for long-polling pullers and a webhook push.
 */
final class Delivery {
  private final Store store;
  private final AgentService agents;
  private final InboxSettings settings;
  private final WebhookPort webhooks;
  private final InboxSignal signal;

  Delivery(Store store, AgentService agents, InboxSettings settings, WebhookPort webhooks, InboxSignal signal) {
    this.store = store;
    this.agents = agents;
    this.settings = settings;
    this.webhooks = webhooks;
    this.signal = signal;
  }

  SendReceipt deliver(Outgoing out, Instant now) {
    EnvelopeFields fields = out.fields();
    Agent recipient = agents.find(out.recipient()).orElseThrow(() -> new NotFoundException("RECIPIENT_NOT_FOUND",
        "recipient " + out.recipient() + " not found"));
    Agent sender = agents.find(fields.from()).orElseThrow(() -> new ForbiddenException("INVALID_SIGNATURE",
        "sender " + fields.from() + " not registered"));
    verifySignature(out, sender);
    if (!recipient.trusts(sender.id())) {
      throw new InvalidRequestException("SEND_FAILED", "sender " + sender.id() + " is not trusted by " + recipient.id());
    }
    if (fields.to().isEmpty()) {
      out.toStore().put("to", recipient.registeredAs());
    }
    MessageId id = fields.id().orElseGet(MessageId::generate);
    Optional<String> dedupKey = out.idempotencyKey().filter(key -> !key.isEmpty())
        .or(() -> fields.id().map(MessageId::value))
        .map(key -> sender.id() + "|" + recipient.id() + "|" + key);
    NewMessage message = new NewMessage(id, sender.id(), recipient.id(), JsJson.stringify(out.toStore()), dedupKey,
        now.plus(ttl(fields)));
    return switch (store.enqueue(message, now)) {
      case EnqueueOutcome.Enqueued enqueued -> {
        signal.wake(recipient.id());
        if (recipient.webhook().isPresent()) {
          webhooks.messageQueued(recipient, enqueued.message());
        }
        yield new SendReceipt(id, MessageState.QUEUED, false);
      }
      case EnqueueOutcome.Duplicate duplicate ->
          new SendReceipt(duplicate.existing().id(), duplicate.existing().state(), true);
      case EnqueueOutcome.IdConflict conflict -> throw new ConflictException("MESSAGE_ID_CONFLICT",
          "message id " + conflict.id() + " is already used by another message");
    };
  }

  private void verifySignature(Outgoing out, Agent sender) {
    if (!EnvelopeSignature.isSigned(out.received())) {
      switch (settings.signaturePolicy()) {
        case REQUIRED -> throw new ForbiddenException("INVALID_SIGNATURE", "envelope from " + sender.id() + " is not signed");
        case WHEN_PRESENT -> {
          return;
        }
      }
    }
    if (!EnvelopeSignature.verify(out.received(), sender.publicKey())) {
      throw new ForbiddenException("INVALID_SIGNATURE",
          "envelope signature does not verify with the key of " + sender.id());
    }
  }

  private Duration ttl(EnvelopeFields fields) {
    return fields.ttlSec()
        .map(sec -> sec >= settings.maxTtl().toSeconds() ? settings.maxTtl() : Duration.ofSeconds(sec))
        .orElse(settings.defaultTtl());
  }
}
