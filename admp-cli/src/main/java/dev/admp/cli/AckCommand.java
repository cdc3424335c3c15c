package dev.admp.cli;

import dev.admp.client.AckOptions;
import dev.admp.client.AdmpClient;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "ack", mixinStandardHelpOptions = true, description = "Acknowledge a pulled message: it is done.")
final class AckCommand implements Callable<Integer> {
  @ParentCommand
  AdmpCommand admp;

  @Mixin
  ConnectionOptions connection;

  @Parameters(index = "0", paramLabel = "MESSAGE_ID", description = "The message to acknowledge.")
  String messageId;

  @Option(names = "--lease-id", paramLabel = "ID", description = "Only if this lease (from pull) is still current.")
  String leaseId;

  @Option(names = "--result", paramLabel = "JSON", description = "A result to record, as JSON.")
  String result;

  @Override
  public Integer call() {
    AckOptions options = AckOptions.none();
    if (leaseId != null) {
      options = options.withLease(leaseId);
    }
    if (result != null) {
      options = options.withResult(JsonArgs.parse("--result", result));
    }
    try (AdmpClient client = connection.resolve(admp.context).agentClient()) {
      client.ack(messageId, options);
    }
    admp.print(ResultJson.acked(messageId));
    return 0;
  }
}
