package dev.admp.client;

import com.fasterxml.jackson.databind.JsonNode;
import dev.admp.protocol.crypto.Ed25519;
import java.util.Arrays;
import java.util.Optional;

/**
 * A newly registered agent with its keys. Keep {@code secretKey}: the hub does not store it.
 * Arrays are copied in and out, and {@link #toString()} never shows secrets.
 *
 * @param agentId the id exactly as registered
 * @param agentType the agent's type
 * @param publicKey the 32-byte public key
 * @param secretKey the 64-byte tweetnacl secret key (from the hub, or the one generated here)
 * @param webhookUrl the webhook, if one was set
 * @param webhookSecret the webhook's HMAC key, if a webhook was set
 */
public record Registered(String agentId, String agentType, byte[] publicKey, byte[] secretKey,
    Optional<String> webhookUrl, Optional<String> webhookSecret) {
  public Registered {
    publicKey = publicKey.clone();
    secretKey = secretKey.clone();
  }

  @Override
  public byte[] publicKey() {
    return publicKey.clone();
  }

  @Override
  public byte[] secretKey() {
    return secretKey.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Registered that && agentId.equals(that.agentId) && agentType.equals(that.agentType)
        && Arrays.equals(publicKey, that.publicKey) && Arrays.equals(secretKey, that.secretKey)
        && webhookUrl.equals(that.webhookUrl) && webhookSecret.equals(that.webhookSecret);
  }

  @Override
  public int hashCode() {
    return agentId.hashCode() * 31 + Arrays.hashCode(publicKey);
  }

  @Override
  public String toString() {
    return "Registered[agentId=" + agentId + ", agentType=" + agentType + ", publicKey=" + Ed25519.encode(publicKey)
        + ", secretKey=<redacted>, webhookUrl=" + webhookUrl + ", webhookSecret="
        + webhookSecret.map(s -> "<redacted>") + "]";
  }

  /** Reads the hub's answer; the secret key is the hub's when it generated the pair, else {@code local}'s. */
  static Registered from(JsonNode json, Optional<Ed25519.KeyPair> local) {
    Ed25519.KeyPair pair = local.orElseGet(() -> hubGenerated(json));
    return new Registered(Fields.text(json, "agent_id"), Fields.optionalText(json, "agent_type").orElse("generic"),
        pair.publicKey(), pair.secretKey(), Fields.optionalText(json, "webhook_url"),
        Fields.optionalText(json, "webhook_secret"));
  }

  private static Ed25519.KeyPair hubGenerated(JsonNode json) {
    String secretKey = Fields.optionalText(json, "secret_key").orElseThrow(() -> new AdmpClientException(0,
        AdmpClientException.INVALID_RESPONSE, "the hub generated the key pair but returned no secret_key", null));
    try {
      Ed25519.KeyPair pair = Ed25519.KeyPair.of(Ed25519.decodeSecretKey(secretKey));
      boolean publicKeyMatches = Fields.optionalText(json, "public_key")
          .map(publicKey -> publicKey.equals(Ed25519.encode(pair.publicKey()))).orElse(true);
      if (!publicKeyMatches) {
        throw new IllegalArgumentException("public_key is not the public key of secret_key");
      }
      return pair;
    } catch (RuntimeException e) {
      throw new AdmpClientException(0, AdmpClientException.INVALID_RESPONSE,
          "the hub returned an unusable key pair: " + e.getMessage(), null);
    }
  }
}
