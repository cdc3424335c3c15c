package dev.admp.bench.flow;

import dev.admp.bench.backend.BenchHub;
import dev.admp.client.AdmpClient;
import dev.admp.client.NackOptions;
import dev.admp.client.Pulled;
import java.util.Optional;

/** Send, pull, nack with requeue, pull the same message again (second attempt), ack. */
final class NackRequeue implements Flow {
  @Override
  public String name() {
    return "nack-requeue";
  }

  @Override
  public int budget() {
    return 5; // send, pull, nack, pull, ack
  }

  @Override
  public FlowRun prepare(BenchHub hub) {
    Pair pair = Pair.register(hub);
    return () -> {
      AdmpClient recipient = pair.recipient().client();
      String id = pair.send();
      Pulled first = Expect.single(recipient.pull(Pair.PULL), id);
      Expect.equal("queued", recipient.nack(first, NackOptions.requeue()).status(), "status after nack");
      Pulled again = Expect.single(recipient.pull(Pair.PULL), id);
      Expect.equal(2, again.attempts(), "attempts on the second pull");
      recipient.ack(again);
      return Optional.empty();
    };
  }
}
