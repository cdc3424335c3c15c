package dev.admp.server.webhook;

import dev.admp.agent.Agent;
import dev.admp.agent.AgentId;
import dev.admp.agent.Webhook;
import dev.admp.inbox.Message;
import dev.admp.inbox.MessageId;
import dev.admp.inbox.NewMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/** Agents and messages for webhook tests. */
final class WebhookFixtures {
  static final Instant NOW = Instant.parse("2026-01-15T10:20:30.123Z");
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  static final String SECRET = "whsec-test";
  static final String ENVELOPE = "{\"version\":\"1.0\",\"id\":\"m-1\",\"type\":\"task.request\","
      + "\"from\":\"agent://alice\",\"to\":\"agent://bob\",\"subject\":\"run_tests\",\"correlation_id\":\"c-1\","
      + "\"headers\":{},\"body\":{\"text\":\"h\u00e9llo \u2028 \\\"q\\\" \\n\",\"n\":42},\"ttl_sec\":86400,"
      + "\"timestamp\":\"2026-01-15T10:20:30.000Z\",\"signature\":{\"alg\":\"ed25519\",\"kid\":\"alice\",\"sig\":\"c2ln\"}}";

  private WebhookFixtures() {}

  static Agent bob(Optional<Webhook> webhook) {
    return new Agent(new AgentId("bob"), "agent://bob", "generic", new byte[32], "{}", webhook, List.of(), NOW, NOW);
  }

  static Agent bobWithWebhook(String url) {
    return bob(Optional.of(new Webhook(url, SECRET)));
  }

  static Message message(String id) {
    return message(id, ENVELOPE);
  }

  static Message message(String id, String envelopeJson) {
    return Message.queued(new NewMessage(new MessageId(id), new AgentId("alice"), new AgentId("bob"),
        envelopeJson, Optional.empty(), NOW.plus(Duration.ofDays(1))), NOW);
  }

  static WebhookSettings fast(int attempts, Duration timeout) {
    return new WebhookSettings(timeout, attempts, Duration.ofMillis(100), 100);
  }
}
