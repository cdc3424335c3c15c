package dev.admp.cli;

import dev.admp.client.AdmpClient;
import dev.admp.client.Outgoing;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "reply", mixinStandardHelpOptions = true,
    description = "Reply to a message in your inbox: the hub addresses the reply to its sender and correlates it with its id.")
final class ReplyCommand implements Callable<Integer> {
  @ParentCommand
  AdmpCommand admp;

  @Mixin
  ConnectionOptions connection;

  @Mixin
  BodyOptions body;

  @Parameters(index = "0", paramLabel = "MESSAGE_ID", description = "The message to reply to.")
  String messageId;

  @Option(names = "--subject", required = true, paramLabel = "SUBJECT", description = "Subject.")
  String subject;

  @Option(names = "--type", paramLabel = "TYPE", description = "Envelope type, e.g. task.result.")
  String type;

  @Override
  public Integer call() {
    Outgoing reply = Outgoing.reply(subject).withBody(body.body(admp.context));
    if (type != null) {
      reply = reply.withType(type);
    }
    try (AdmpClient client = connection.resolve(admp.context).agentClient()) {
      admp.print(ResultJson.sent(client.reply(messageId, reply)));
    }
    return 0;
  }
}
