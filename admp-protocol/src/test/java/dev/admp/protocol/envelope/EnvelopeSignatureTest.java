package dev.admp.protocol.envelope;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.admp.protocol.crypto.Ed25519;
import dev.admp.protocol.json.JsJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EnvelopeSignatureTest {
  private static final String EMPTY_OBJECT_HASH = "RBNvo1WzZ4oRRq0W9+hknpT7T8If536DEMBg9hyq/4o=";
  private final Ed25519.KeyPair alice = Ed25519.generate();

  private static ObjectNode envelope(String body) {
    return (ObjectNode) JsJson.parse("""
        {"version":"1.0","id":"m-1","from":"agent://alice","to":"agent://bob","subject":"s",
         "timestamp":"2026-01-15T10:20:30.000Z"%s}""".formatted(body == null ? "" : ",\"body\":" + body));
  }

  @ParameterizedTest
  @ValueSource(strings = {"null", "false", "0", "-0", "0.0", "\"\"", "{}"})
  void falsyBodiesHashAsAnEmptyObject(String body) {
    assertThat(EnvelopeSignature.bodyHash(envelope(body).get("body"))).isEqualTo(EMPTY_OBJECT_HASH);
  }

  @Test
  void absentBodyHashesAsAnEmptyObject() {
    assertThat(EnvelopeSignature.signingBase(envelope(null)))
        .isEqualTo("2026-01-15T10:20:30.000Z\n" + EMPTY_OBJECT_HASH + "\nagent://alice\nagent://bob\n");
  }

  @Test
  void absentToAndCorrelationIdAreEmptyLines() {
    ObjectNode envelope = envelope("{}");
    envelope.remove("to");

    assertThat(EnvelopeSignature.signingBase(envelope)).endsWith("\nagent://alice\n\n");
  }

  @Test
  void nullOrFalsyCorrelationIdIsEmptyAndOtherValuesAreStringified() {
    ObjectNode envelope = envelope("{}");
    envelope.putNull("correlation_id");
    assertThat(EnvelopeSignature.signingBase(envelope)).endsWith("agent://bob\n");
    envelope.put("correlation_id", 0);
    assertThat(EnvelopeSignature.signingBase(envelope)).endsWith("agent://bob\n");
    envelope.put("correlation_id", 1.0);
    assertThat(EnvelopeSignature.signingBase(envelope)).endsWith("agent://bob\n1");
    envelope.put("correlation_id", "c-1");
    assertThat(EnvelopeSignature.signingBase(envelope)).endsWith("agent://bob\nc-1");
  }

  @Test
  void fromAndToAreUsedExactlyAsWritten() {
    ObjectNode envelope = envelope("{}");
    envelope.put("from", "alice");

    assertThat(EnvelopeSignature.signingBase(envelope)).contains("\nalice\nagent://bob\n");
  }

  @Test
  void nonStringFieldsJoinAsJavaScriptConvertsThem() {
    assertThat(EnvelopeSignature.joinPart(JsJson.parse("[1,null,[\"a\",2.50]]"))).isEqualTo("1,,a,2.5");
    assertThat(EnvelopeSignature.joinPart(JsJson.parse("{\"a\":1}"))).isEqualTo("[object Object]");
    assertThat(EnvelopeSignature.joinPart(JsJson.parse("1e21"))).isEqualTo("1e+21");
    assertThat(EnvelopeSignature.joinPart(JsJson.parse("true"))).isEqualTo("true");
  }

  @Test
  void signedEnvelopeVerifiesWithTheSignersKey() {
    ObjectNode envelope = EnvelopeSignature.sign(envelope("{\"n\":1}"), alice.secretKey(), "alice");

    assertThat(envelope.get("signature").get("alg").asText()).isEqualTo("ed25519");
    assertThat(envelope.get("signature").get("kid").asText()).isEqualTo("alice");
    assertThat(EnvelopeSignature.isSigned(envelope)).isTrue();
    assertThat(EnvelopeSignature.verify(envelope, alice.publicKey())).isTrue();
  }

  @Test
  void signatureSurvivesReserialisation() {
    ObjectNode envelope = EnvelopeSignature.sign(envelope("{\"n\":1.0,\"s\":\"\\u00e9\"}"), alice.secretKey(), "alice");

    ObjectNode received = (ObjectNode) JsJson.parse(JsJson.stringify(envelope));

    assertThat(EnvelopeSignature.verify(received, alice.publicKey())).isTrue();
  }

  @Test
  void changingAnySignedFieldBreaksTheSignature() {
    for (String field : new String[] {"timestamp", "from", "to", "correlation_id", "body"}) {
      ObjectNode envelope = EnvelopeSignature.sign(envelope("{\"n\":1}"), alice.secretKey(), "alice");
      envelope.put(field, "changed");
      assertThat(EnvelopeSignature.verify(envelope, alice.publicKey())).as(field).isFalse();
    }
  }

  @Test
  void unsignedFieldsMayChange() {
    ObjectNode envelope = EnvelopeSignature.sign(envelope("{\"n\":1}"), alice.secretKey(), "alice");
    envelope.put("subject", "other");

    assertThat(EnvelopeSignature.verify(envelope, alice.publicKey())).isTrue();
  }

  @Test
  void wrongKeyDoesNotVerify() {
    ObjectNode envelope = EnvelopeSignature.sign(envelope("{}"), alice.secretKey(), "alice");

    assertThat(EnvelopeSignature.verify(envelope, Ed25519.generate().publicKey())).isFalse();
    assertThat(EnvelopeSignature.verify(envelope, new byte[3])).isFalse();
  }

  @Test
  void missingOrMalformedSignatureIsFalse() {
    ObjectNode envelope = envelope("{}");
    assertThat(EnvelopeSignature.isSigned(envelope)).isFalse();
    assertThat(EnvelopeSignature.verify(envelope, alice.publicKey())).isFalse();

    for (String signature : new String[] {"null", "\"sig\"", "{}", "{\"alg\":\"ed25519\"}",
        "{\"alg\":\"ed25519\",\"sig\":\"!!!\"}", "{\"alg\":\"ed25519\",\"sig\":\"AAAA\"}",
        "{\"alg\":\"ed25519\",\"sig\":12}"}) {
      envelope.set("signature", JsJson.parse(signature));
      assertThat(EnvelopeSignature.verify(envelope, alice.publicKey())).as(signature).isFalse();
    }
  }

  @Test
  void otherAlgorithmIsFalseEvenWithAValidSignature() {
    ObjectNode envelope = EnvelopeSignature.sign(envelope("{}"), alice.secretKey(), "alice");
    ((ObjectNode) envelope.get("signature")).put("alg", "ED25519");

    assertThat(EnvelopeSignature.verify(envelope, alice.publicKey())).isFalse();
  }
}
