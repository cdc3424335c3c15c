package dev.admp.cli;

import dev.admp.client.AdmpClient;
import dev.admp.client.Outgoing;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "send", mixinStandardHelpOptions = true,
    description = "Send a signed message to another agent's inbox.")
final class SendCommand implements Callable<Integer> {
  @ParentCommand
  AdmpCommand admp;

  @Mixin
  ConnectionOptions connection;

  @Mixin
  BodyOptions body;

  @Option(names = "--to", required = true, paramLabel = "AGENT", description = "Recipient agent id.")
  String to;

  @Option(names = "--subject", required = true, paramLabel = "SUBJECT", description = "Subject.")
  String subject;

  @Option(names = "--type", paramLabel = "TYPE", description = "Envelope type, e.g. task.request.")
  String type;

  @Option(names = "--correlation-id", paramLabel = "ID", description = "Correlation id.")
  String correlationId;

  @Option(names = "--ttl", paramLabel = "SECONDS", description = "Time to live in the inbox (default: the hub's).")
  Long ttlSeconds;

  @Option(names = "--id", paramLabel = "ID", description = "Message id (default: the hub makes one).")
  String id;

  @Option(names = "--idempotency-key", paramLabel = "KEY", description = "A repeat with the same key is not stored twice.")
  String idempotencyKey;

  @Override
  public Integer call() {
    Connection target = connection.resolve(admp.context);
    Outgoing message = Outgoing.to(to, subject).withBody(body.body(admp.context));
    if (type != null) {
      message = message.withType(type);
    }
    if (correlationId != null) {
      message = message.withCorrelationId(correlationId);
    }
    if (ttlSeconds != null) {
      if (ttlSeconds < 1) {
        throw new CliFailure("--ttl must be at least 1 second, was " + ttlSeconds);
      }
      message = message.withTtl(Duration.ofSeconds(ttlSeconds));
    }
    if (id != null) {
      message = message.withId(id);
    }
    if (idempotencyKey != null) {
      message = message.withIdempotencyKey(idempotencyKey);
    }
    try (AdmpClient client = target.agentClient()) {
      admp.print(ResultJson.sent(client.send(message)));
    }
    return 0;
  }
}
