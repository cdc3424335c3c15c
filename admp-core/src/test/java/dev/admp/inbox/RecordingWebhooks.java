package dev.admp.inbox;

import dev.admp.agent.Agent;
import dev.admp.agent.AgentId;
import dev.admp.webhook.WebhookPort;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A webhook port that remembers which recipient was told about which message, and delivers nothing. */
final class RecordingWebhooks implements WebhookPort {
  record Push(AgentId recipient, MessageId message) {}

  private final List<Push> pushes = new CopyOnWriteArrayList<>();

  @Override
  public void messageQueued(Agent recipient, Message message) {
    pushes.add(new Push(recipient.id(), message.id()));
  }

  List<Push> pushes() {
    return List.copyOf(pushes);
  }
}
