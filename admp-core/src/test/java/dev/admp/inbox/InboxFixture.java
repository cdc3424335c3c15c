package dev.admp.inbox;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.admp.MutableClock;
import dev.admp.agent.AgentId;
import dev.admp.agent.AgentRegistration;
import dev.admp.agent.AgentService;
import dev.admp.agent.AgentSettings;
import dev.admp.agent.RegisteredAgent;
import dev.admp.protocol.envelope.EnvelopeSignature;
import dev.admp.store.memory.InMemoryStore;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * The inbox feature on the memory store with a standing clock, real keys and real signatures,
 * plus envelopes as a JavaScript client writes them.
 */
final class InboxFixture {
  static final Instant T0 = Instant.parse("2026-01-15T10:00:00Z");
  static final Duration DEFAULT_TTL = Duration.ofDays(1);
  static final Duration MAX_TTL = Duration.ofDays(14);
  static final int MAX_ATTEMPTS = 3;
  private static final DateTimeFormatter JS_ISO =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  final MutableClock clock = new MutableClock(T0);
  final InMemoryStore store = new InMemoryStore();
  final AgentService agents = new AgentService(store, clock, new AgentSettings(Duration.ofMinutes(1), Duration.ofMinutes(5)));
  final RecordingWebhooks webhooks = new RecordingWebhooks();
  final ObservedSignal signal = new ObservedSignal(new LocalInboxSignal());
  final InboxService inbox;

  InboxFixture(EnvelopeSignaturePolicy policy) {
    inbox = new InboxService(store, agents, clock,
        new InboxSettings(DEFAULT_TTL, MAX_TTL, MAX_ATTEMPTS, Duration.ofMinutes(5), policy), webhooks, signal);
  }

  InboxFixture() {
    this(EnvelopeSignaturePolicy.REQUIRED);
  }

  /** A key pair and the id as the client wrote it. */
  record TestAgent(AgentId id, String written, byte[] secretKey) {}

  TestAgent register(String written) {
    RegisteredAgent r = agents.register(new AgentRegistration(Optional.of(written), "generic", "{}",
        Optional.empty(), Optional.empty(), Optional.empty()));
    return new TestAgent(r.agent().id(), written, r.secretKey().orElseThrow());
  }

  /** An unsigned envelope stamped with the clock's time. */
  ObjectNode envelope(TestAgent from, TestAgent to, String id) {
    ObjectNode e = JsonNodeFactory.instance.objectNode();
    e.put("version", "1.0");
    e.put("id", id);
    e.put("type", "task.request");
    e.put("from", from.written());
    e.put("to", to.written());
    e.put("subject", "run_tests");
    e.put("timestamp", JS_ISO.format(clock.instant()));
    e.putObject("body").put("suite", "unit").put("n", 1.5);
    return e;
  }

  static ObjectNode signed(ObjectNode envelope, TestAgent by) {
    return EnvelopeSignature.sign(envelope, by.secretKey(), by.id().value());
  }

  /** A signed SEND of a new message from {@code from} to {@code to}. */
  SendReceipt send(TestAgent from, TestAgent to, String id) {
    return inbox.send(to.id(), signed(envelope(from, to, id), from), Optional.empty());
  }

  /** Leases the one message that must be waiting in {@code to}'s inbox. */
  Message pullOne(TestAgent to) {
    var pulled = inbox.pull(to.id(), new PullRequest(Duration.ofSeconds(60), Duration.ZERO, 1));
    if (pulled.size() != 1) {
      throw new AssertionError("expected one message in the inbox of " + to.id() + ", got " + pulled.size());
    }
    return pulled.getFirst();
  }
}
