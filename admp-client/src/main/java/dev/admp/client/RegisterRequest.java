package dev.admp.client;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.admp.protocol.crypto.Ed25519;
import java.util.Optional;

/**
 * A registration. Without a key pair the hub generates one and returns its secret key once; with
 * {@link #withGeneratedKeys()} (or {@link #withKeyPair}) only the public key leaves this process.
 * {@link #toString()} never shows secrets.
 *
 * @param agentId the id to register (with or without {@code agent://}); empty lets the hub generate one
 * @param agentType the agent's type
 * @param metadata a metadata object: a Jackson {@code JsonNode} or any value Jackson can convert
 * @param webhookUrl a webhook to push new messages to
 * @param webhookSecret the webhook's HMAC key; the hub generates one when a URL is given without it
 * @param keyPair the agent's key pair when made here; empty lets the hub generate it
 */
public record RegisterRequest(Optional<String> agentId, String agentType, Object metadata, Optional<String> webhookUrl,
    Optional<String> webhookSecret, Optional<Ed25519.KeyPair> keyPair) {
  /** Registers {@code agentId}, type {@code generic}, hub-generated keys. */
  public static RegisterRequest named(String agentId) {
    return new RegisterRequest(Optional.of(agentId), "generic", JsonNodeFactory.instance.objectNode(),
        Optional.empty(), Optional.empty(), Optional.empty());
  }

  /** Registers an agent whose id the hub generates ({@code agent://agent-<uuid>}). */
  public static RegisterRequest unnamed() {
    return new RegisterRequest(Optional.empty(), "generic", JsonNodeFactory.instance.objectNode(),
        Optional.empty(), Optional.empty(), Optional.empty());
  }

  /** This request with an agent type. */
  public RegisterRequest withType(String newType) {
    return new RegisterRequest(agentId, newType, metadata, webhookUrl, webhookSecret, keyPair);
  }

  /** This request with metadata. */
  public RegisterRequest withMetadata(Object newMetadata) {
    return new RegisterRequest(agentId, agentType, newMetadata, webhookUrl, webhookSecret, keyPair);
  }

  /** This request with a webhook whose secret the hub generates. */
  public RegisterRequest withWebhook(String url) {
    return new RegisterRequest(agentId, agentType, metadata, Optional.of(url), Optional.empty(), keyPair);
  }

  /** This request with a webhook and its secret. */
  public RegisterRequest withWebhook(String url, String secret) {
    return new RegisterRequest(agentId, agentType, metadata, Optional.of(url), Optional.of(secret), keyPair);
  }

  /** This request with a key pair generated here, now. */
  public RegisterRequest withGeneratedKeys() {
    return withKeyPair(Ed25519.generate());
  }

  /** This request with an existing key pair; only its public key is sent. */
  public RegisterRequest withKeyPair(Ed25519.KeyPair pair) {
    return new RegisterRequest(agentId, agentType, metadata, webhookUrl, webhookSecret, Optional.of(pair));
  }

  @Override
  public String toString() {
    return "RegisterRequest[agentId=" + agentId + ", agentType=" + agentType + ", webhookUrl=" + webhookUrl
        + ", webhookSecret=" + webhookSecret.map(s -> "<redacted>") + ", keyPair="
        + keyPair.map(p -> Ed25519.encode(p.publicKey())).map(pub -> "publicKey " + pub).orElse("hub-generated") + "]";
  }
}
