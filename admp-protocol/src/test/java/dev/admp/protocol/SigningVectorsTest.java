package dev.admp.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.admp.protocol.crypto.Ed25519;
import dev.admp.protocol.envelope.EnvelopeSignature;
import dev.admp.protocol.httpsig.HttpDate;
import dev.admp.protocol.httpsig.HttpSignatureVerdict;
import dev.admp.protocol.httpsig.HttpSignatures;
import dev.admp.protocol.httpsig.SignatureHeader;
import dev.admp.protocol.httpsig.SignedHeaders;
import dev.admp.protocol.json.JsJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every vector made with tweetnacl and Node.js must verify and be reproduced byte for byte. */
class SigningVectorsTest {
  private static final JsonNode VECTORS = load();

  private static JsonNode load() {
    try (InputStream in = SigningVectorsTest.class.getResourceAsStream("/vectors/signing.json")) {
      return JsJson.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Stream<Named<JsonNode>> envelopeVectors() {
    return StreamSupport.stream(VECTORS.get("envelope_vectors").spliterator(), false)
        .map(v -> Named.of(v.get("name").asText(), v));
  }

  static Stream<Named<JsonNode>> httpVectors() {
    return StreamSupport.stream(VECTORS.get("http_signature_vectors").spliterator(), false)
        .map(v -> Named.of(v.get("method").asText() + " " + v.get("request_target").asText(), v));
  }

  @Test
  void vectorFileHoldsEveryKindOfVector() {
    assertThat(envelopeVectors()).hasSize(31);
    assertThat(httpVectors()).hasSize(2);
  }

  @ParameterizedTest
  @MethodSource("envelopeVectors")
  void bodyIsReserialisedExactlyAsJavaScriptHashedIt(JsonNode vector) {
    ObjectNode envelope = envelopeOf(vector);
    JsonNode body = envelope.get("body");
    String asHashed = JsJson.isFalsy(body) ? "{}" : JsJson.stringify(body);

    assertThat(asHashed).isEqualTo(vector.get("body_json_as_hashed").asText());
    assertThat(EnvelopeSignature.bodyHash(body)).isEqualTo(vector.get("body_sha256_b64").asText());
  }

  @ParameterizedTest
  @MethodSource("envelopeVectors")
  void signingBaseMatchesTheVector(JsonNode vector) {
    assertThat(EnvelopeSignature.signingBase(envelopeOf(vector))).isEqualTo(vector.get("signing_base").asText());
  }

  @ParameterizedTest
  @MethodSource("envelopeVectors")
  void envelopeSignatureVerifiesWithTheSendersKey(JsonNode vector) {
    byte[] publicKey = Ed25519.decodePublicKey(vector.get("public_key").asText());

    assertThat(EnvelopeSignature.verify(envelopeOf(vector), publicKey)).isTrue();
  }

  @ParameterizedTest
  @MethodSource("envelopeVectors")
  void resigningReproducesTweetnaclSignatureByteForByte(JsonNode vector) {
    byte[] secretKey = Ed25519.decodeSecretKey(vector.get("secret_key").asText());
    ObjectNode envelope = envelopeOf(vector);
    String kid = envelope.get("signature").get("kid").asText();
    envelope.remove("signature");

    EnvelopeSignature.sign(envelope, secretKey, kid);

    assertThat(envelope.get("signature").get("sig").asText()).isEqualTo(vector.get("signature_b64").asText());
    assertThat(Ed25519.publicKeyOf(secretKey)).isEqualTo(Ed25519.decodePublicKey(vector.get("public_key").asText()));
  }

  @ParameterizedTest
  @MethodSource("envelopeVectors")
  void envelopeSignatureFailsForAnotherVectorsKey(JsonNode vector) {
    byte[] otherKey = Ed25519.generate().publicKey();

    assertThat(EnvelopeSignature.verify(envelopeOf(vector), otherKey)).isFalse();
  }

  @ParameterizedTest
  @MethodSource("httpVectors")
  void httpSigningStringMatchesTheVector(JsonNode vector) {
    SignatureHeader header = SignatureHeader.parse(vector.get("signature_header").asText());

    String signingString = HttpSignatures.signingString(header.headers(), vector.get("method").asText(),
        vector.get("request_target").asText(), headersOf(vector, Map.of()));

    assertThat(signingString).isEqualTo(vector.get("signing_string").asText());
  }

  @ParameterizedTest
  @MethodSource("httpVectors")
  void httpSignatureIsReproducedByteForByte(JsonNode vector) {
    Instant date = HttpDate.parse(vector.get("date").asText()).orElseThrow();

    SignedHeaders signed = HttpSignatures.sign(vector.get("method").asText(), vector.get("request_target").asText(),
        vector.get("host").asText(), date, vector.get("key_id").asText(),
        Ed25519.decodeSecretKey(vector.get("secret_key").asText()));

    assertThat(signed.date()).isEqualTo(vector.get("date").asText());
    assertThat(signed.signature()).isEqualTo(vector.get("signature_header").asText());
  }

  @ParameterizedTest
  @MethodSource("httpVectors")
  void httpSignatureVerifiesForTheRequestAsSent(JsonNode vector) {
    assertThat(verify(vector, vector.get("method").asText(), vector.get("request_target").asText(), Map.of()))
        .isEqualTo(HttpSignatureVerdict.VALID);
  }

  @ParameterizedTest
  @MethodSource("httpVectors")
  void httpSignatureFailsWhenTheTargetOrMethodChanges(JsonNode vector) {
    String method = vector.get("method").asText();
    String target = vector.get("request_target").asText();

    assertThat(verify(vector, method, target + "?x=1", Map.of())).isEqualTo(HttpSignatureVerdict.INVALID_SIGNATURE);
    assertThat(verify(vector, method, target.replace("bob", "eve"), Map.of()))
        .isEqualTo(HttpSignatureVerdict.INVALID_SIGNATURE);
    assertThat(verify(vector, method.equals("GET") ? "DELETE" : "GET", target, Map.of()))
        .isEqualTo(HttpSignatureVerdict.INVALID_SIGNATURE);
  }

  @ParameterizedTest
  @MethodSource("httpVectors")
  void httpSignatureFailsWhenASignedHeaderChanges(JsonNode vector) {
    String method = vector.get("method").asText();
    String target = vector.get("request_target").asText();

    assertThat(verify(vector, method, target, Map.of("host", "evil.example.com")))
        .isEqualTo(HttpSignatureVerdict.INVALID_SIGNATURE);
    assertThat(verify(vector, method, target, Map.of("date", "Thu, 15 Jan 2026 10:25:30 GMT")))
        .isEqualTo(HttpSignatureVerdict.INVALID_SIGNATURE);
  }

  private static HttpSignatureVerdict verify(JsonNode vector, String method, String target,
      Map<String, String> overrides) {
    SignatureHeader header = SignatureHeader.parse(vector.get("signature_header").asText());
    byte[] publicKey = Ed25519.decodePublicKey(vector.get("public_key").asText());
    return HttpSignatures.verify(header, method, target, headersOf(vector, overrides), publicKey);
  }

  private static Function<String, Optional<String>> headersOf(JsonNode vector, Map<String, String> overrides) {
    Map<String, String> headers = Map.of("host", vector.get("host").asText(), "date", vector.get("date").asText());
    return name -> Optional.ofNullable(overrides.getOrDefault(name, headers.get(name)));
  }

  private static ObjectNode envelopeOf(JsonNode vector) {
    return (ObjectNode) JsJson.parse(vector.get("envelope_json").asText());
  }
}
