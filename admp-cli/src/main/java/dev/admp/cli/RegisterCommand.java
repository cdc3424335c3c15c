package dev.admp.cli;

import dev.admp.client.AdmpClient;
import dev.admp.client.RegisterRequest;
import dev.admp.client.Registered;
import dev.admp.protocol.crypto.Ed25519;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "register", mixinStandardHelpOptions = true,
    description = {
        "Register an agent and save its settings to the config file.",
        "The Ed25519 key pair is made here; only the public key is sent. The config file "
            + "(base_url, agent_id, secret_key) is written with mode 600."})
final class RegisterCommand implements Callable<Integer> {
  @ParentCommand
  AdmpCommand admp;

  @Mixin
  ConnectionOptions connection;

  @Option(names = "--type", paramLabel = "TYPE", defaultValue = "generic", description = "Agent type (default: ${DEFAULT-VALUE}).")
  String type;

  @Option(names = "--metadata", paramLabel = "JSON", description = "Metadata object, as JSON.")
  String metadata;

  @Option(names = "--webhook-url", paramLabel = "URL", description = "Push new messages to this URL.")
  String webhookUrl;

  @Option(names = "--webhook-secret", paramLabel = "SECRET", description = "HMAC key for the webhook (the hub makes one if absent).")
  String webhookSecret;

  @Option(names = "--force", description = "Overwrite a config file that holds another agent's key.")
  boolean force;

  @Override
  public Integer call() {
    CliContext context = admp.context;
    // The id to register comes from --agent or ADMP_AGENT_ID, never from an existing config file.
    Optional<String> agentId = Optional.ofNullable(connection.agent).or(() -> Optional.ofNullable(context.env("ADMP_AGENT_ID")));
    Connection target = connection.resolve(context);
    ConfigFile.Saved saved = target.configFile().read();
    if (!force && saved.secretKey().isPresent() && !saved.agentId().equals(agentId)) {
      throw new CliFailure("config file " + target.configFile().path() + " already holds the key of agent "
          + saved.agentId().orElse("?") + "; use --config for another file, or --force to overwrite it");
    }
    RegisterRequest request = agentId.map(RegisterRequest::named).orElseGet(RegisterRequest::unnamed)
        .withType(type).withGeneratedKeys();
    if (metadata != null) {
      request = request.withMetadata(JsonArgs.parse("--metadata", metadata));
    }
    if (webhookUrl != null) {
      request = webhookSecret == null ? request.withWebhook(webhookUrl) : request.withWebhook(webhookUrl, webhookSecret);
    }
    Registered registered;
    try (AdmpClient client = target.anonymousClient()) {
      registered = client.register(request);
    }
    target.configFile().write(new ConfigFile.Saved(Optional.of(target.baseUrl()), Optional.of(registered.agentId()),
        Optional.of(Ed25519.encode(registered.secretKey()))));
    admp.print(ResultJson.registered(registered, target.configFile().path()));
    return 0;
  }
}
