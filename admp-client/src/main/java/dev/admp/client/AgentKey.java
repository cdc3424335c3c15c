package dev.admp.client;

import dev.admp.protocol.crypto.Ed25519;

/** The agent a client acts as, with its secret key; never printed. */
record AgentKey(String agentId, byte[] secretKey) {
  AgentKey {
    if (agentId == null || agentId.isBlank()) {
      throw new IllegalArgumentException("agentId is required");
    }
    Ed25519.KeyPair.of(secretKey); // refuses keys of the wrong length or with a mismatched public half
    secretKey = secretKey.clone();
  }

  /** The envelope {@code kid}: the agent id without its {@code agent://} prefix. */
  String kid() {
    return agentId.startsWith("agent://") ? agentId.substring("agent://".length()) : agentId;
  }

  @Override
  public byte[] secretKey() {
    return secretKey.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof AgentKey that && agentId.equals(that.agentId)
        && java.util.Arrays.equals(secretKey, that.secretKey);
  }

  @Override
  public int hashCode() {
    return agentId.hashCode();
  }

  @Override
  public String toString() {
    return "AgentKey[agentId=" + agentId + ", secretKey=<redacted>]";
  }
}
