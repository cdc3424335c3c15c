package dev.admp.bench.flow;

import dev.admp.bench.backend.BenchHub;
import dev.admp.client.AdmpClient;
import dev.admp.client.NackOptions;
import dev.admp.client.NackResult;
import dev.admp.client.Pulled;
import java.time.Duration;
import java.util.Optional;

/** Send, pull, nack extending the lease (the message stays leased, for longer), ack. */
final class NackExtend implements Flow {
  @Override
  public String name() {
    return "nack-extend";
  }

  @Override
  public int budget() {
    return 4; // send, pull, nack, ack
  }

  @Override
  public FlowRun prepare(BenchHub hub) {
    Pair pair = Pair.register(hub);
    return () -> {
      AdmpClient recipient = pair.recipient().client();
      String id = pair.send();
      Pulled pulled = Expect.single(recipient.pull(Pair.PULL), id);
      NackResult extended = recipient.nack(pulled, NackOptions.extend(Duration.ofSeconds(30)));
      Expect.equal("leased", extended.status(), "status after extend");
      Expect.that(extended.leaseUntil().filter(until -> until.isAfter(pulled.leaseUntil())).isPresent(),
          () -> "extend did not move the lease past " + pulled.leaseUntil() + ": " + extended.leaseUntil());
      recipient.ack(pulled);
      return Optional.empty();
    };
  }
}
