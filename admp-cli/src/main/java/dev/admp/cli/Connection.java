package dev.admp.cli;

import java.util.Optional;

/** The resolved connection settings of one command run. */
record Connection(String baseUrl, Optional<String> agentId, Optional<String> secretKey, Optional<String> apiKey,
    ConfigFile configFile) {

  String requireAgent() {
    return agentId.orElseThrow(() -> new CliFailure(
        "no agent: run 'admp register' first, or pass --agent / set ADMP_AGENT_ID"));
  }

  String requireSecretKey() {
    return secretKey.orElseThrow(() -> new CliFailure(
        "no secret key for agent " + agentId.orElse("?") + ": pass --secret-key, set ADMP_SECRET_KEY, or register with 'admp register'"));
  }

  @Override
  public String toString() {
    return "Connection[baseUrl=" + baseUrl + ", agentId=" + agentId + ", secretKey=" + secretKey.map(k -> "<redacted>")
        + ", apiKey=" + apiKey.map(k -> "<redacted>") + ", config=" + configFile.path() + "]";
  }
}
