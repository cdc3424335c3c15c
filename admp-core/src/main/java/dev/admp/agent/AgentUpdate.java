package dev.admp.agent;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** One change to an agent, applied by the store as one atomic write of the named fields. */
public sealed interface AgentUpdate {
  /** A heartbeat at {@code at}; {@code metadataJson} is the already merged metadata object. */
  record Heartbeat(Instant at, String metadataJson) implements AgentUpdate {
    public Heartbeat {
      Objects.requireNonNull(at, "at");
      Objects.requireNonNull(metadataJson, "metadataJson");
    }
  }

  /** Replaces the trust list. */
  record TrustedAgents(List<AgentId> trusted) implements AgentUpdate {
    public TrustedAgents {
      trusted = List.copyOf(trusted);
    }
  }

  record SetWebhook(Webhook webhook) implements AgentUpdate {
    public SetWebhook {
      Objects.requireNonNull(webhook, "webhook");
    }
  }

  record ClearWebhook() implements AgentUpdate {}
}
