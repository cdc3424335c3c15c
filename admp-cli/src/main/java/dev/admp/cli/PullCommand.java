package dev.admp.cli;

import dev.admp.client.AdmpClient;
import dev.admp.client.PullOptions;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "pull", mixinStandardHelpOptions = true,
    description = {"Lease the oldest messages of your inbox.",
        "Prints {\"messages\": [...]}, empty when none arrived; ack or nack each before its lease_until."})
final class PullCommand implements Callable<Integer> {
  @ParentCommand
  AdmpCommand admp;

  @Mixin
  ConnectionOptions connection;

  @Option(names = "--visibility", paramLabel = "SECONDS", defaultValue = "60",
      description = "Lease length, 1-43200 (default: ${DEFAULT-VALUE}).")
  long visibility;

  @Option(names = "--wait", paramLabel = "SECONDS", defaultValue = "0",
      description = "Wait up to this long for a message when the inbox is empty, 0-20 (default: ${DEFAULT-VALUE}).")
  long waitSeconds;

  @Option(names = "--max", paramLabel = "N", defaultValue = "1", description = "Lease up to N messages, 1-10 (default: ${DEFAULT-VALUE}).")
  int max;

  @Override
  public Integer call() {
    if (visibility < 1 || waitSeconds < 0 || max < 1) {
      throw new CliFailure("--visibility must be at least 1, --wait at least 0 and --max at least 1");
    }
    PullOptions options = PullOptions.defaults().withVisibility(Duration.ofSeconds(visibility))
        .withWait(Duration.ofSeconds(waitSeconds)).withMaxMessages(max);
    try (AdmpClient client = connection.resolve(admp.context).agentClient()) {
      admp.print(ResultJson.pulled(client.pull(options)));
    }
    return 0;
  }
}
