package dev.admp.cli;

import dev.admp.client.AdmpClient;
import dev.admp.protocol.crypto.Ed25519;
import java.net.URI;
import java.util.Optional;

/** The resolved connection settings of one command run, and the SDK clients made from them. */
record Connection(String baseUrl, Optional<String> agentId, Optional<String> secretKey, Optional<String> apiKey,
    ConfigFile configFile) {

  String requireAgent() {
    return agentId.orElseThrow(() -> new CliFailure(
        "no agent: run 'admp register' first, or pass --agent / set ADMP_AGENT_ID"));
  }

  byte[] requireSecretKey() {
    String key = secretKey.orElseThrow(() -> new CliFailure("no secret key for agent " + agentId.orElse("?")
        + ": pass --secret-key, set ADMP_SECRET_KEY, or register with 'admp register'"));
    try {
      return Ed25519.decodeSecretKey(key);
    } catch (IllegalArgumentException e) {
      throw new CliFailure("the secret key is not the base64 of a 64-byte Ed25519 secret key", e);
    }
  }

  /** A client that acts as no agent (register, unsigned status). */
  AdmpClient anonymousClient() {
    return builder().build();
  }

  /** A client that signs as the configured agent. */
  AdmpClient agentClient() {
    return builder().agent(requireAgent(), requireSecretKey()).build();
  }

  /** A client that signs when an agent and its key are configured, else an anonymous one. */
  AdmpClient clientAsAgentIfConfigured() {
    return agentId.isPresent() && secretKey.isPresent() ? agentClient() : anonymousClient();
  }

  private AdmpClient.Builder builder() {
    AdmpClient.Builder builder;
    try {
      builder = AdmpClient.builder(URI.create(baseUrl));
    } catch (IllegalArgumentException e) {
      throw new CliFailure("bad hub URL '" + baseUrl + "': " + e.getMessage(), e);
    }
    apiKey.ifPresent(builder::apiKey);
    return builder;
  }

  @Override
  public String toString() {
    return "Connection[baseUrl=" + baseUrl + ", agentId=" + agentId + ", secretKey=" + secretKey.map(k -> "<redacted>")
        + ", apiKey=" + apiKey.map(k -> "<redacted>") + ", config=" + configFile.path() + "]";
  }
}
