package dev.admp.protocol.httpsig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.admp.protocol.crypto.Ed25519;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HttpSignaturesTest {
  private static final Instant NOW = Instant.parse("2026-01-05T08:09:10.789Z");
  private static final String TARGET = "/api/agents/agent%3A%2F%2Fbob/inbox/pull";
  private final Ed25519.KeyPair bob = Ed25519.generate();

  private static Function<String, Optional<String>> headers(Map<String, String> values) {
    return name -> Optional.ofNullable(values.get(name));
  }

  private Map<String, String> signedRequestHeaders(SignedHeaders signed) {
    return Map.of("host", "hub:8080", "date", signed.date());
  }

  @Test
  void parseReadsEveryParameter() {
    SignatureHeader header = SignatureHeader.parse(
        "keyId=\"agent://bob\",algorithm=\"ed25519\",headers=\"(request-target) Host date\",signature=\"c2ln\"");

    assertThat(header.keyId()).isEqualTo("agent://bob");
    assertThat(header.algorithm()).contains("ed25519");
    assertThat(header.headers()).containsExactly("(request-target)", "host", "date");
    assertThat(header.signature()).isEqualTo("c2ln");
  }

  @Test
  void parseToleratesSpacesSchemeUnknownParametersAndAnyNameCase() {
    SignatureHeader header = SignatureHeader.parse(
        "Signature KEYID=\"k\" , created=1700000000, headers=\"date\" ,  Signature=\"c2ln\"");

    assertThat(header.keyId()).isEqualTo("k");
    assertThat(header.algorithm()).isEmpty();
    assertThat(header.headers()).containsExactly("date");
  }

  @Test
  void headersDefaultToDate() {
    assertThat(SignatureHeader.parse("keyId=\"k\",signature=\"c2ln\"").headers()).containsExactly("date");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "garbage", "keyId=\"k\"", "signature=\"s\"", "keyId=\"k\",signature=\"s", "keyId=k signature=s",
      "keyId=\"k\",keyId=\"j\",signature=\"s\"", "keyId=\"\",signature=\"s\"", "keyId=\"k\",signature=\"s\",headers=\"\"",
      "keyId=\"k\\\"x\",signature=\"s\"", "=\"k\",signature=\"s\"", "keyId=\"k\",,signature=\"s\""})
  void malformedHeadersAreATypedError(String value) {
    assertThatThrownBy(() -> SignatureHeader.parse(value))
        .isInstanceOfSatisfying(HttpSignatureException.class,
            e -> assertThat(e.reason()).isEqualTo(HttpSignatureException.Reason.MALFORMED_HEADER));
  }

  @Test
  void nullHeaderIsATypedError() {
    assertThatThrownBy(() -> SignatureHeader.parse(null)).isInstanceOf(HttpSignatureException.class);
  }

  @Test
  void formatIsParsedBackToTheSameHeader() {
    SignatureHeader header = new SignatureHeader("agent://bob", Optional.of("ed25519"),
        List.of("(request-target)", "host", "date"), "c2ln");

    assertThat(SignatureHeader.parse(header.format())).isEqualTo(header);
  }

  @Test
  void signingStringLowerCasesNamesAndMethodAndKeepsTheTargetAsSent() {
    String signingString = HttpSignatures.signingString(List.of("(Request-Target)", "Host", "date"), "POST",
        "/api/agents/agent%3A%2F%2Fbob/x?a=B%20c", headers(Map.of("host", "hub:8080", "date", " D ")));

    assertThat(signingString).isEqualTo(
        "(request-target): post /api/agents/agent%3A%2F%2Fbob/x?a=B%20c\nhost: hub:8080\ndate: D");
  }

  @Test
  void signingStringNamesAMissingHeader() {
    assertThatThrownBy(() -> HttpSignatures.signingString(List.of("date"), "GET", "/", headers(Map.of())))
        .isInstanceOfSatisfying(HttpSignatureException.class,
            e -> assertThat(e.reason()).isEqualTo(HttpSignatureException.Reason.MISSING_HEADER))
        .hasMessageContaining("date");
  }

  @Test
  void signProducesAnRfc1123DateAndAVerifiableSignature() {
    SignedHeaders signed = HttpSignatures.sign("POST", TARGET, "hub:8080", NOW, "agent://bob", bob.secretKey());

    assertThat(signed.date()).isEqualTo("Mon, 05 Jan 2026 08:09:10 GMT");
    SignatureHeader header = SignatureHeader.parse(signed.signature());
    assertThat(header.keyId()).isEqualTo("agent://bob");
    assertThat(header.headers()).containsExactly("(request-target)", "host", "date");
    assertThat(HttpSignatures.verify(header, "post", TARGET, headers(signedRequestHeaders(signed)), bob.publicKey()))
        .isEqualTo(HttpSignatureVerdict.VALID);
  }

  @Test
  void verifyRejectsAnotherAgentsKey() {
    SignedHeaders signed = HttpSignatures.sign("POST", TARGET, "hub:8080", NOW, "agent://bob", bob.secretKey());

    assertThat(HttpSignatures.verify(SignatureHeader.parse(signed.signature()), "POST", TARGET,
        headers(signedRequestHeaders(signed)), Ed25519.generate().publicKey()))
        .isEqualTo(HttpSignatureVerdict.INVALID_SIGNATURE);
  }

  @Test
  void verifyReportsAnUnsupportedAlgorithm() {
    SignatureHeader header = new SignatureHeader("k", Optional.of("rsa-sha256"), HttpSignatures.SIGNED_HEADERS, "c2ln");

    assertThat(HttpSignatures.verify(header, "GET", "/", headers(Map.of()), bob.publicKey()))
        .isEqualTo(HttpSignatureVerdict.UNSUPPORTED_ALGORITHM);
  }

  @Test
  void verifyInsistsOnRequestTargetAndDate() {
    SignatureHeader onlyDate = new SignatureHeader("k", Optional.of("ed25519"), List.of("date"), "c2ln");
    SignatureHeader noDate = new SignatureHeader("k", Optional.of("ed25519"), List.of("(request-target)", "host"), "c2ln");

    assertThat(HttpSignatures.verify(onlyDate, "GET", "/", headers(Map.of("date", "d")), bob.publicKey()))
        .isEqualTo(HttpSignatureVerdict.REQUIRED_HEADER_NOT_SIGNED);
    assertThat(HttpSignatures.verify(noDate, "GET", "/", headers(Map.of("host", "h")), bob.publicKey()))
        .isEqualTo(HttpSignatureVerdict.REQUIRED_HEADER_NOT_SIGNED);
  }

  @Test
  void verifyReportsASignedHeaderTheRequestLacks() {
    SignedHeaders signed = HttpSignatures.sign("GET", "/", "hub:8080", NOW, "k", bob.secretKey());

    assertThat(HttpSignatures.verify(SignatureHeader.parse(signed.signature()), "GET", "/",
        headers(Map.of("date", signed.date())), bob.publicKey()))
        .isEqualTo(HttpSignatureVerdict.MISSING_HEADER);
  }

  @Test
  void verifyTreatsUndecodableSignatureAsInvalid() {
    SignatureHeader header = new SignatureHeader("k", Optional.empty(), HttpSignatures.REQUIRED_HEADERS, "!!!");

    assertThat(HttpSignatures.verify(header, "GET", "/", headers(Map.of("date", "d")), bob.publicKey()))
        .isEqualTo(HttpSignatureVerdict.INVALID_SIGNATURE);
  }

  @Test
  void httpDateRoundTripsAndRejectsGarbage() {
    assertThat(HttpDate.parse("Thu, 15 Jan 2026 10:20:30 GMT")).contains(Instant.parse("2026-01-15T10:20:30Z"));
    assertThat(HttpDate.parse(HttpDate.format(NOW))).contains(Instant.parse("2026-01-05T08:09:10Z"));
    assertThat(HttpDate.parse("2026-01-15T10:20:30Z")).isEmpty();
    assertThat(HttpDate.parse(null)).isEmpty();
  }
}
