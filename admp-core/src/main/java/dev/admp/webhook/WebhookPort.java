package dev.admp.webhook;

import dev.admp.agent.Agent;
import dev.admp.inbox.Message;

/**
 * Pushes a newly queued message to its recipient's webhook. Implementations must return at
 * once (delivery and its retries happen in the background) and never throw.
 */
@FunctionalInterface
public interface WebhookPort {
  WebhookPort NONE = (recipient, message) -> { };

  void messageQueued(Agent recipient, Message message);
}
