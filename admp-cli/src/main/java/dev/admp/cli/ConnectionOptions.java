package dev.admp.cli;

import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * Where the hub is and who we are. Each setting comes from its flag, else its environment variable,
 * else the config file (else, for the URL, {@value #DEFAULT_URL}).
 */
final class ConnectionOptions {
  static final String DEFAULT_URL = "http://localhost:8080";

  @Option(names = "--url", paramLabel = "URL",
      description = "Hub base URL (env ADMP_BASE_URL; else the config file; else " + DEFAULT_URL + ").")
  String url;

  @Option(names = "--agent", paramLabel = "ID", description = "Act as this agent (env ADMP_AGENT_ID; else the config file).")
  String agent;

  @Option(names = "--secret-key", paramLabel = "BASE64",
      description = "The agent's Ed25519 secret key, base64 of 64 bytes (env ADMP_SECRET_KEY; else the config file). "
          + "Prefer the environment or the config file: flags show in the process list.")
  String secretKey;

  @Option(names = "--api-key", paramLabel = "KEY", description = "Operator key for hubs with API_KEY_REQUIRED=true (env ADMP_API_KEY).")
  String apiKey;

  @Option(names = "--config", paramLabel = "FILE", description = "Config file (env ADMP_CONFIG; default ~/.admp/config.json).")
  Path config;

  ConfigFile configFile(CliContext context) {
    if (config != null) {
      return new ConfigFile(config);
    }
    String fromEnv = context.env("ADMP_CONFIG");
    return new ConfigFile(fromEnv != null ? Path.of(fromEnv) : context.userHome().resolve(".admp").resolve("config.json"));
  }

  Connection resolve(CliContext context) {
    ConfigFile file = configFile(context);
    ConfigFile.Saved saved = file.read();
    String baseUrl = first(url, context.env("ADMP_BASE_URL"), saved.baseUrl()).orElse(DEFAULT_URL);
    return new Connection(stripTrailingSlash(baseUrl),
        first(agent, context.env("ADMP_AGENT_ID"), saved.agentId()),
        first(secretKey, context.env("ADMP_SECRET_KEY"), saved.secretKey()),
        first(apiKey, context.env("ADMP_API_KEY"), Optional.empty()),
        file);
  }

  private static Optional<String> first(String flag, String env, Optional<String> saved) {
    if (flag != null && !flag.isBlank()) {
      return Optional.of(flag);
    }
    return env != null ? Optional.of(env) : saved;
  }

  private static String stripTrailingSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
