package dev.admp.cli;

import dev.admp.client.AdmpClient;
import dev.admp.client.NackOptions;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "nack", mixinStandardHelpOptions = true,
    description = "Give a pulled message back to the queue (optionally after a delay), or keep it longer with --extend.")
final class NackCommand implements Callable<Integer> {
  @ParentCommand
  AdmpCommand admp;

  @Mixin
  ConnectionOptions connection;

  @Parameters(index = "0", paramLabel = "MESSAGE_ID", description = "The message to give back.")
  String messageId;

  @Option(names = "--extend", paramLabel = "SECONDS", description = "Keep the lease this much longer instead of requeueing.")
  Long extendSeconds;

  @Option(names = "--delay", paramLabel = "SECONDS", description = "Requeue, visible again after this delay (default 0).")
  Long delaySeconds;

  @Option(names = "--lease-id", paramLabel = "ID", description = "Only if this lease (from pull) is still current.")
  String leaseId;

  @Override
  public Integer call() {
    if (extendSeconds != null && delaySeconds != null) {
      throw new CliFailure("give either --extend or --delay, not both");
    }
    NackOptions options;
    try {
      options = extendSeconds != null
          ? NackOptions.extend(Duration.ofSeconds(extendSeconds))
          : NackOptions.requeueAfter(Duration.ofSeconds(delaySeconds == null ? 0 : delaySeconds));
    } catch (IllegalArgumentException e) {
      throw new CliFailure("--extend must be positive and --delay not negative", e);
    }
    if (leaseId != null) {
      options = options.withLease(leaseId);
    }
    try (AdmpClient client = connection.resolve(admp.context).agentClient()) {
      admp.print(ResultJson.nacked(messageId, client.nack(messageId, options)));
    }
    return 0;
  }
}
