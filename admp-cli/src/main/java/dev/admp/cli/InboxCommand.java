package dev.admp.cli;

import dev.admp.client.AdmpClient;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "inbox", mixinStandardHelpOptions = true,
    description = "Show your inbox's message counts by state; with --reclaim, first requeue messages whose lease expired.")
final class InboxCommand implements Callable<Integer> {
  @ParentCommand
  AdmpCommand admp;

  @Mixin
  ConnectionOptions connection;

  @Option(names = "--reclaim", description = "Requeue this inbox's expired leases now and print how many.")
  boolean reclaim;

  @Override
  public Integer call() {
    Connection target = connection.resolve(admp.context);
    try (AdmpClient client = target.agentClient()) {
      admp.print(reclaim
          ? ResultJson.reclaimed(target.requireAgent(), client.reclaim())
          : ResultJson.inboxStats(target.requireAgent(), client.inboxStats()));
    }
    return 0;
  }
}
