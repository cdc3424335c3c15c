package dev.admp.cli;

import dev.admp.client.AdmpClient;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "status", mixinStandardHelpOptions = true,
    description = "Show where a message is in its lifecycle (its sender or recipient may ask).")
final class StatusCommand implements Callable<Integer> {
  @ParentCommand
  AdmpCommand admp;

  @Mixin
  ConnectionOptions connection;

  @Parameters(index = "0", paramLabel = "MESSAGE_ID", description = "The message.")
  String messageId;

  @Override
  public Integer call() {
    try (AdmpClient client = connection.resolve(admp.context).clientAsAgentIfConfigured()) {
      admp.print(ResultJson.status(client.status(messageId)));
    }
    return 0;
  }
}
