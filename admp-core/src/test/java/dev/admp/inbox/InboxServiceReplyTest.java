package dev.admp.inbox;

import static dev.admp.inbox.InboxFixture.signed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.admp.AdmpException;
import dev.admp.ForbiddenException;
import dev.admp.InvalidRequestException;
import dev.admp.NotFoundException;
import dev.admp.agent.AgentId;
import dev.admp.inbox.InboxFixture.TestAgent;
import dev.admp.protocol.json.JsJson;
import java.time.Duration;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class InboxServiceReplyTest {
  private static final MessageId ORIGINAL = new MessageId("m-1");

  private final InboxFixture hub = new InboxFixture();
  private final TestAgent alice = hub.register("agent://alice");
  private final TestAgent bob = hub.register("bob");

  @BeforeEach
  void aliceSendsToBob() {
    hub.send(alice, bob, ORIGINAL.value());
  }

  /** Bob's reply as a JavaScript client writes it: no {@code to}, no {@code correlation_id}. */
  private ObjectNode bareReply(String id) {
    ObjectNode reply = hub.envelope(bob, alice, id);
    reply.remove("to");
    return reply;
  }

  private static AbstractThrowableAssert<?, ? extends Throwable> assertFails(Runnable call, Class<?> kind, String code) {
    return assertThatThrownBy(call::run).isInstanceOf(kind)
        .satisfies(e -> assertThat(((AdmpException) e).code()).isEqualTo(code));
  }

  @Test
  void replyGoesToTheOriginalSenderWithToAndCorrelationIdFilledAndTheTimestampKept() {
    ObjectNode reply = signed(bareReply("r-1"), bob);
    hub.clock.advance(Duration.ofSeconds(42));

    SendReceipt receipt = hub.inbox.reply(bob.id(), ORIGINAL, reply);

    assertThat(receipt).isEqualTo(new SendReceipt(new MessageId("r-1"), MessageState.QUEUED, false));
    Message delivered = hub.pullOne(alice);
    JsonNode envelope = JsJson.parse(delivered.envelopeJson());
    assertThat(delivered.from()).isEqualTo(bob.id());
    assertThat(envelope.get("to").textValue()).isEqualTo("agent://alice");
    assertThat(envelope.get("correlation_id").textValue()).isEqualTo("m-1");
    assertThat(envelope.get("timestamp")).isEqualTo(reply.get("timestamp"));
  }

  @Test
  void replyThatNamesTheOriginalSenderAndMessageIsAccepted() {
    ObjectNode reply = hub.envelope(bob, alice, "r-1").put("correlation_id", "m-1");

    assertThat(hub.inbox.reply(bob.id(), ORIGINAL, signed(reply, bob)).state()).isEqualTo(MessageState.QUEUED);
  }

  @Test
  void replySignedOverTheFilledInFieldsRatherThanAsSentIsInvalidSignature() {
    ObjectNode filled = hub.envelope(bob, alice, "r-1").put("correlation_id", "m-1");
    ObjectNode sent = signed(filled, bob).deepCopy();
    sent.remove("to");
    sent.remove("correlation_id");

    assertFails(() -> hub.inbox.reply(bob.id(), ORIGINAL, sent), ForbiddenException.class, "INVALID_SIGNATURE");
  }

  @Test
  void replyAddressedToAnotherAgentIsSendFailed() {
    TestAgent carol = hub.register("carol");

    assertFails(() -> hub.inbox.reply(bob.id(), ORIGINAL, signed(hub.envelope(bob, carol, "r-1"), bob)),
        InvalidRequestException.class, "SEND_FAILED");
  }

  @Test
  void replyWithAnotherCorrelationIdIsSendFailed() {
    ObjectNode reply = bareReply("r-1").put("correlation_id", "m-other");

    assertFails(() -> hub.inbox.reply(bob.id(), ORIGINAL, signed(reply, bob)), InvalidRequestException.class,
        "SEND_FAILED").hasMessageContaining("correlation_id");
  }

  @Test
  void replyFromSomeoneOtherThanTheReplierIsSendFailed() {
    TestAgent carol = hub.register("carol");
    ObjectNode reply = hub.envelope(carol, alice, "r-1");

    assertFails(() -> hub.inbox.reply(bob.id(), ORIGINAL, signed(reply, carol)), InvalidRequestException.class,
        "SEND_FAILED");
  }

  @Test
  void replyToAMessageThatWasNotSentToTheReplierIsMessageNotFound() {
    TestAgent carol = hub.register("carol");

    assertFails(() -> hub.inbox.reply(carol.id(), ORIGINAL, signed(hub.envelope(carol, alice, "r-1"), carol)),
        NotFoundException.class, "MESSAGE_NOT_FOUND");
  }

  @Test
  void replyToAnUnknownMessageIsMessageNotFound() {
    assertFails(() -> hub.inbox.reply(bob.id(), new MessageId("nope"), signed(bareReply("r-1"), bob)),
        NotFoundException.class, "MESSAGE_NOT_FOUND");
  }

  @Test
  void unsignedReplyIsInvalidSignatureWhenSignaturesAreRequired() {
    assertFails(() -> hub.inbox.reply(bob.id(), ORIGINAL, bareReply("r-1")), ForbiddenException.class,
        "INVALID_SIGNATURE");
  }

  @Test
  void replyToASenderThatDoesNotTrustTheReplierIsNotTrusted() {
    hub.agents.trust(alice.id(), AgentId.parse("carol"));

    assertFails(() -> hub.inbox.reply(bob.id(), ORIGINAL, signed(bareReply("r-1"), bob)),
        InvalidRequestException.class, "SEND_FAILED").hasMessageContaining("not trusted");
  }

  @Test
  void replyWithAStaleTimestampIsInvalidTimestamp() {
    ObjectNode reply = signed(bareReply("r-1"), bob);
    hub.clock.advance(Duration.ofMinutes(6));

    assertFails(() -> hub.inbox.reply(bob.id(), ORIGINAL, reply), InvalidRequestException.class, "INVALID_TIMESTAMP");
  }
}
