package dev.admp.agent;

import java.util.Objects;
import java.util.Optional;

/**
 * A registration request as the client wrote it; {@link AgentService#register} validates it.
 *
 * @param agentId the id as written (may carry {@code agent://}); empty to have one generated
 * @param agentType free-form type; {@code "generic"} when blank
 * @param metadataJson a JSON object as text; {@code "{}"} when the client sent none
 * @param webhookUrl push target, if any
 * @param webhookSecret HMAC key for the webhook; generated when a URL is given without one
 * @param publicKey raw Ed25519 public key; empty to have the hub generate the key pair
 */
public record AgentRegistration(
    Optional<String> agentId,
    String agentType,
    String metadataJson,
    Optional<String> webhookUrl,
    Optional<String> webhookSecret,
    Optional<byte[]> publicKey) {

  public AgentRegistration {
    Objects.requireNonNull(agentId, "agentId");
    Objects.requireNonNull(agentType, "agentType");
    Objects.requireNonNull(metadataJson, "metadataJson");
    Objects.requireNonNull(webhookUrl, "webhookUrl");
    Objects.requireNonNull(webhookSecret, "webhookSecret");
    Objects.requireNonNull(publicKey, "publicKey");
    publicKey = publicKey.map(byte[]::clone);
  }

  @Override
  public Optional<byte[]> publicKey() {
    return publicKey.map(byte[]::clone);
  }

  @Override
  public String toString() {
    return "AgentRegistration[agentId=" + agentId.orElse("<generated>") + ", type=" + agentType
        + ", webhook=" + webhookUrl.orElse("none") + ", secret=<redacted>]";
  }
}
