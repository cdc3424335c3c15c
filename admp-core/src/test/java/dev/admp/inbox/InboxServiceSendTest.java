package dev.admp.inbox;

import static dev.admp.inbox.InboxFixture.signed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.admp.AdmpException;
import dev.admp.ConflictException;
import dev.admp.ForbiddenException;
import dev.admp.InvalidRequestException;
import dev.admp.NotFoundException;
import dev.admp.agent.AgentId;
import dev.admp.inbox.InboxFixture.TestAgent;
import dev.admp.protocol.json.JsJson;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class InboxServiceSendTest {
  private final InboxFixture hub = new InboxFixture();
  private final TestAgent alice = hub.register("agent://alice");
  private final TestAgent bob = hub.register("bob");

  private SendReceipt send(ObjectNode envelope) {
    return hub.inbox.send(bob.id(), envelope, Optional.empty());
  }

  private static AbstractThrowableAssert<?, ? extends Throwable> assertFails(Runnable call, Class<?> kind, String code) {
    return assertThatThrownBy(call::run).isInstanceOf(kind)
        .satisfies(e -> assertThat(((AdmpException) e).code()).isEqualTo(code));
  }

  @Test
  void sentMessageIsQueuedInTheRecipientsInboxWithTheEnvelopeAsSent() {
    ObjectNode envelope = signed(hub.envelope(alice, bob, "m-1"), alice);

    SendReceipt receipt = send(envelope);

    assertThat(receipt).isEqualTo(new SendReceipt(new MessageId("m-1"), MessageState.QUEUED, false));
    Message stored = hub.inbox.status(receipt.id());
    assertThat(stored.from()).isEqualTo(alice.id());
    assertThat(stored.to()).isEqualTo(bob.id());
    assertThat(stored.envelopeJson()).isEqualTo(JsJson.stringify(envelope));
    assertThat(stored.expiresAt()).isEqualTo(InboxFixture.T0.plus(InboxFixture.DEFAULT_TTL));
  }

  @Test
  void envelopeWithoutToIsDeliveredToThePathRecipientWithToFilledIn() {
    ObjectNode envelope = hub.envelope(alice, bob, "m-1");
    envelope.remove("to");

    send(signed(envelope, alice));

    JsonNode stored = JsJson.parse(hub.inbox.status(new MessageId("m-1")).envelopeJson());
    assertThat(stored.get("to").textValue()).isEqualTo("bob");
    assertThat(stored.get("signature")).isEqualTo(envelope.get("signature"));
  }

  @Test
  void envelopeWithoutIdGetsAGeneratedMessageId() {
    ObjectNode envelope = hub.envelope(alice, bob, "m-1");
    envelope.remove("id");

    SendReceipt receipt = send(signed(envelope, alice));

    assertThat(receipt.id().value()).isNotBlank();
    assertThat(hub.inbox.status(receipt.id()).to()).isEqualTo(bob.id());
  }

  @ParameterizedTest
  @ValueSource(strings = {"version", "from", "subject", "timestamp"})
  void envelopeWithoutARequiredFieldIsSendFailedNamingIt(String field) {
    ObjectNode envelope = hub.envelope(alice, bob, "m-1");
    envelope.remove(field);

    assertFails(() -> send(signed(envelope, alice)), InvalidRequestException.class, "SEND_FAILED")
        .hasMessageContaining(field);
  }

  @Test
  void envelopeOfAnotherVersionIsSendFailed() {
    ObjectNode envelope = hub.envelope(alice, bob, "m-1").put("version", "2.0");

    assertFails(() -> send(signed(envelope, alice)), InvalidRequestException.class, "SEND_FAILED")
        .hasMessageContaining("version");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "subject|1", "from|true", "to|5", "timestamp|123", "id|{}", "correlation_id|[]", "type|2",
      "headers|[]", "ttl_sec|\"60\"", "ttl_sec|0", "ttl_sec|-5", "ttl_sec|1.5", "from|\"not an id\"", "id|\"\""})
  void envelopeFieldOfTheWrongTypeOrFormIsSendFailedNamingIt(String field, String json) {
    ObjectNode envelope = hub.envelope(alice, bob, "m-1");
    envelope.set(field, JsJson.parse(json));

    assertFails(() -> send(signed(envelope, alice)), InvalidRequestException.class, "SEND_FAILED");
  }

  @ParameterizedTest
  @ValueSource(strings = {"yesterday", "2026-01-15", "2026-01-15T10:00:00", "15 Jan 2026 10:00:00 GMT"})
  void timestampThatIsNotIsoWithAZoneIsInvalidTimestamp(String timestamp) {
    ObjectNode envelope = hub.envelope(alice, bob, "m-1").put("timestamp", timestamp);

    assertFails(() -> send(signed(envelope, alice)), InvalidRequestException.class, "INVALID_TIMESTAMP");
  }

  @ParameterizedTest
  @ValueSource(longs = {-301, 301})
  void timestampMoreThanFiveMinutesFromTheHubClockIsInvalidTimestamp(long offsetSeconds) {
    ObjectNode envelope = hub.envelope(alice, bob, "m-1");
    hub.clock.advance(Duration.ofSeconds(-offsetSeconds));

    assertFails(() -> send(signed(envelope, alice)), InvalidRequestException.class, "INVALID_TIMESTAMP");
  }

  @ParameterizedTest
  @ValueSource(longs = {-300, 300})
  void timestampWithinFiveMinutesOfTheHubClockIsAccepted(long offsetSeconds) {
    ObjectNode envelope = hub.envelope(alice, bob, "m-1").put("timestamp", "2026-01-15T11:00:00+01:00");
    hub.clock.advance(Duration.ofSeconds(-offsetSeconds));

    assertThat(send(signed(envelope, alice)).state()).isEqualTo(MessageState.QUEUED);
  }

  @Test
  void envelopeAddressedToAnotherAgentIsToMismatch() {
    TestAgent carol = hub.register("carol");

    assertFails(() -> send(signed(hub.envelope(alice, carol, "m-1"), alice)), InvalidRequestException.class,
        "TO_MISMATCH");
  }

  @Test
  void toIsComparedWithThePathInCanonicalForm() {
    ObjectNode envelope = hub.envelope(alice, bob, "m-1").put("to", "agent://bob");

    assertThat(send(signed(envelope, alice)).state()).isEqualTo(MessageState.QUEUED);
  }

  @Test
  void sendToAnUnknownRecipientIsRecipientNotFound() {
    ObjectNode envelope = hub.envelope(alice, bob, "m-1").put("to", "nobody");

    assertFails(() -> hub.inbox.send(AgentId.parse("nobody"), signed(envelope, alice), Optional.empty()),
        NotFoundException.class, "RECIPIENT_NOT_FOUND");
  }

  @Test
  void sendFromAnUnregisteredSenderIsInvalidSignature() {
    ObjectNode envelope = hub.envelope(alice, bob, "m-1").put("from", "agent://mallory");

    assertFails(() -> send(signed(envelope, alice)), ForbiddenException.class, "INVALID_SIGNATURE")
        .hasMessageContaining("not registered");
  }

  @Test
  void unsignedEnvelopeIsInvalidSignatureWhenSignaturesAreRequired() {
    assertFails(() -> send(hub.envelope(alice, bob, "m-1")), ForbiddenException.class, "INVALID_SIGNATURE");
  }

  @Test
  void envelopeChangedAfterSigningIsInvalidSignature() {
    ObjectNode envelope = signed(hub.envelope(alice, bob, "m-1"), alice);
    ((ObjectNode) envelope.get("body")).put("suite", "all");

    assertFails(() -> send(envelope), ForbiddenException.class, "INVALID_SIGNATURE");
  }

  @Test
  void envelopeSignedWithAnotherAgentsKeyIsInvalidSignature() {
    assertFails(() -> send(signed(hub.envelope(alice, bob, "m-1"), bob)), ForbiddenException.class, "INVALID_SIGNATURE");
  }

  @Test
  void unsignedEnvelopeIsAcceptedWhenOnlyPresentSignaturesAreChecked() {
    InboxFixture legacy = new InboxFixture(EnvelopeSignaturePolicy.WHEN_PRESENT);
    TestAgent from = legacy.register("alice");
    TestAgent to = legacy.register("bob");

    assertThat(legacy.inbox.send(to.id(), legacy.envelope(from, to, "m-1"), Optional.empty()).state())
        .isEqualTo(MessageState.QUEUED);
  }

  @Test
  void presentBadSignatureIsInvalidSignatureEvenWhenOnlyPresentSignaturesAreChecked() {
    InboxFixture legacy = new InboxFixture(EnvelopeSignaturePolicy.WHEN_PRESENT);
    TestAgent from = legacy.register("alice");
    TestAgent to = legacy.register("bob");
    ObjectNode envelope = signed(legacy.envelope(from, to, "m-1"), to);

    assertFails(() -> legacy.inbox.send(to.id(), envelope, Optional.empty()), ForbiddenException.class,
        "INVALID_SIGNATURE");
  }

  @Test
  void senderMissingFromTheRecipientsTrustListIsNotTrusted() {
    hub.agents.trust(bob.id(), AgentId.parse("carol"));

    assertFails(() -> hub.send(alice, bob, "m-1"), InvalidRequestException.class, "SEND_FAILED")
        .hasMessageContaining("not trusted");
  }

  @Test
  void senderOnTheRecipientsTrustListMaySend() {
    hub.agents.trust(bob.id(), AgentId.parse("carol"));
    hub.agents.trust(bob.id(), AgentId.parse("agent://alice"));

    assertThat(hub.send(alice, bob, "m-1").state()).isEqualTo(MessageState.QUEUED);
  }

  @Test
  void ttlSecSetsTheExpiryAndIsClampedToTheMaximum() {
    send(signed(hub.envelope(alice, bob, "m-short").put("ttl_sec", 60), alice));
    send(signed(hub.envelope(alice, bob, "m-long").put("ttl_sec", 1e30), alice));

    assertThat(hub.inbox.status(new MessageId("m-short")).expiresAt()).isEqualTo(InboxFixture.T0.plusSeconds(60));
    assertThat(hub.inbox.status(new MessageId("m-long")).expiresAt()).isEqualTo(InboxFixture.T0.plus(InboxFixture.MAX_TTL));
  }

  @Test
  void repeatedSendOfAnEnvelopeIdIsADuplicateWithTheCurrentStateAndNoSecondDelivery() {
    hub.agents.setWebhook(bob.id(), "https://hooks.example/bob", Optional.empty());
    ObjectNode envelope = signed(hub.envelope(alice, bob, "m-1"), alice);
    send(envelope);
    hub.pullOne(bob);
    int wakes = hub.signal.wakes();

    SendReceipt repeat = send(envelope);

    assertThat(repeat).isEqualTo(new SendReceipt(new MessageId("m-1"), MessageState.LEASED, true));
    assertThat(hub.signal.wakes()).isEqualTo(wakes);
    assertThat(hub.webhooks.pushes()).hasSize(1);
  }

  @Test
  void repeatedIdempotencyKeyIsADuplicateOfTheFirstMessageWhateverTheEnvelopeId() {
    SendReceipt first = hub.inbox.send(bob.id(), signed(hub.envelope(alice, bob, "m-1"), alice), Optional.of("k-1"));

    SendReceipt second = hub.inbox.send(bob.id(), signed(hub.envelope(alice, bob, "m-2"), alice), Optional.of("k-1"));

    assertThat(second).isEqualTo(new SendReceipt(first.id(), MessageState.QUEUED, true));
    assertThat(hub.inbox.stats(bob.id()).total()).isEqualTo(1);
  }

  @Test
  void envelopeIdUsedByAnotherSendersMessageIsMessageIdConflict() {
    TestAgent carol = hub.register("carol");
    hub.send(alice, bob, "m-1");

    assertFails(() -> hub.send(carol, bob, "m-1"), ConflictException.class, "MESSAGE_ID_CONFLICT")
        .hasMessageContaining("m-1");
  }

  @Test
  void recipientWithAWebhookIsPushedTheNewMessage() {
    hub.agents.setWebhook(bob.id(), "https://hooks.example/bob", Optional.empty());

    hub.send(alice, bob, "m-1");
    hub.send(bob, alice, "m-2");

    assertThat(hub.webhooks.pushes()).containsExactly(new RecordingWebhooks.Push(bob.id(), new MessageId("m-1")));
  }

  @Test
  void sendsWithoutIdOrKeyAreNeverDuplicates() {
    for (int i = 0; i < 2; i++) {
      ObjectNode envelope = hub.envelope(alice, bob, "unused");
      envelope.remove("id");
      send(signed(envelope, alice));
    }

    assertThat(hub.inbox.stats(bob.id()).queued()).isEqualTo(2);
    assertThat(hub.webhooks.pushes()).isEqualTo(List.of());
  }
}
