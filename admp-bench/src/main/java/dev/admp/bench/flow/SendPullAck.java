package dev.admp.bench.flow;

import dev.admp.bench.backend.BenchAgent;
import dev.admp.bench.backend.BenchHub;
import dev.admp.client.Pulled;
import java.util.Optional;

/** Registers two agents; one sends, the other pulls and acks, the sender reads the status. */
final class SendPullAck implements Flow {
  @Override
  public String name() {
    return "send-pull-ack";
  }

  @Override
  public int budget() {
    return 6; // register ×2, send, pull, ack, status
  }

  @Override
  public FlowRun prepare(BenchHub hub) {
    return () -> {
      BenchAgent sender = hub.register("sender");
      BenchAgent recipient = hub.register("recipient");
      Pair pair = new Pair(sender, recipient);
      String id = pair.send();
      Pulled pulled = Expect.single(recipient.client().pull(Pair.PULL), id);
      recipient.client().ack(pulled);
      Expect.equal("acked", sender.client().status(id).status(), "status after ack");
      return Optional.empty();
    };
  }
}
