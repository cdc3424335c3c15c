package dev.admp.protocol.envelope;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.admp.protocol.crypto.Ed25519;
import dev.admp.protocol.crypto.MalformedKeyException;
import dev.admp.protocol.json.JsJson;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The ADMP envelope signature: Ed25519 over the signing base of the wire contract,
 * <pre>timestamp \n base64(sha256(JSON.stringify(body || {}))) \n from \n to \n (correlation_id || "")</pre>
 * joined as JavaScript's {@code Array.prototype.join} joins values: an absent or {@code null}
 * field is empty, other values are converted as {@code String(value)} would. {@code from} and
 * {@code to} are taken exactly as written. A falsy body (absent, {@code null}, {@code false},
 * {@code 0}, {@code ""}) hashes as {@code {}}. The signature is carried as
 * {@code "signature": {"alg": "ed25519", "kid": ..., "sig": <base64>}}.
 *
 * <p>Stateless and thread-safe.
 */
public final class EnvelopeSignature {
  /** The only algorithm ADMP signs envelopes with. */
  public static final String ALGORITHM = "ed25519";

  private EnvelopeSignature() {}

  /** The string that is signed, as UTF-8, for this envelope. */
  public static String signingBase(ObjectNode envelope) {
    return joinPart(envelope.get("timestamp")) + '\n'
        + bodyHash(envelope.get("body")) + '\n'
        + joinPart(envelope.get("from")) + '\n'
        + joinPart(envelope.get("to")) + '\n'
        + (JsJson.isFalsy(envelope.get("correlation_id")) ? "" : joinPart(envelope.get("correlation_id")));
  }

  /** {@code base64(sha256(JSON.stringify(body || {})))}; {@code body} may be null or missing. */
  public static String bodyHash(JsonNode body) {
    String json = JsJson.isFalsy(body) ? "{}" : JsJson.stringify(body);
    return Base64.getEncoder().encodeToString(sha256(json.getBytes(StandardCharsets.UTF_8)));
  }

  /**
   * Signs the envelope and sets {@code signature = {alg:"ed25519", kid, sig}} on it (replacing any
   * signature it had).
   *
   * @return the same envelope, for chaining
   * @throws IllegalArgumentException when the secret key is not 64 bytes
   */
  public static ObjectNode sign(ObjectNode envelope, byte[] secretKey, String kid) {
    byte[] signature = Ed25519.sign(secretKey, signingBase(envelope).getBytes(StandardCharsets.UTF_8));
    ObjectNode field = envelope.objectNode();
    field.put("alg", ALGORITHM);
    field.put("kid", kid);
    field.put("sig", Ed25519.encode(signature));
    envelope.set("signature", field);
    return envelope;
  }

  /** Whether the envelope carries a {@code signature} at all (of any shape, other than null). */
  public static boolean isSigned(ObjectNode envelope) {
    JsonNode signature = envelope.get("signature");
    return signature != null && !signature.isNull();
  }

  /**
   * True when the envelope carries an {@code ed25519} signature by this public key over its
   * signing base. False, never an exception, when the signature is missing or malformed, names
   * another algorithm, or does not verify, and when the public key is malformed.
   */
  public static boolean verify(ObjectNode envelope, byte[] publicKey) {
    JsonNode signature = envelope.get("signature");
    if (signature == null || !signature.isObject()) {
      return false;
    }
    JsonNode alg = signature.get("alg");
    JsonNode sig = signature.get("sig");
    if (alg == null || !ALGORITHM.equals(alg.textValue()) || sig == null || !sig.isTextual()) {
      return false;
    }
    byte[] signatureBytes;
    try {
      signatureBytes = Ed25519.decodeSignature(sig.textValue());
    } catch (MalformedKeyException e) {
      return false;
    }
    return Ed25519.verify(publicKey, signingBase(envelope).getBytes(StandardCharsets.UTF_8), signatureBytes);
  }

  /** {@code String(value)} as {@code Array.prototype.join} applies it: null and absent are empty. */
  static String joinPart(JsonNode value) {
    if (value == null || value.isNull() || value.isMissingNode()) {
      return "";
    }
    return switch (value.getNodeType()) {
      case STRING -> value.textValue();
      case NUMBER -> JsJson.formatNumber(JsJson.numberValue(value));
      case BOOLEAN -> value.booleanValue() ? "true" : "false";
      case ARRAY -> {
        StringBuilder joined = new StringBuilder();
        for (int i = 0; i < value.size(); i++) {
          if (i > 0) {
            joined.append(',');
          }
          joined.append(joinPart(value.get(i)));
        }
        yield joined.toString();
      }
      case OBJECT, POJO -> "[object Object]";
      case BINARY -> value.asText();
      case NULL, MISSING -> "";
    };
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform provides SHA-256", e);
    }
  }
}
