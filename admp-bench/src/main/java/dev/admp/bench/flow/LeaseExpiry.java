package dev.admp.bench.flow;

import dev.admp.bench.backend.BenchHub;
import dev.admp.client.Pulled;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Send and pull with the shortest lease (1 s); once the lease has ended, reclaim the inbox, pull
 * the message again and ack it. The wait for the lease is not timed.
 */
final class LeaseExpiry implements Flow {
  /** The hub compares lease ends with its clock in milliseconds; a little margin avoids a tie. */
  private static final Duration MARGIN = Duration.ofMillis(20);

  @Override
  public String name() {
    return "lease-expiry";
  }

  @Override
  public int budget() {
    return 5; // send, pull | reclaim, pull, ack
  }

  @Override
  public FlowRun prepare(BenchHub hub) {
    Pair pair = Pair.register(hub);
    return new FlowRun() {
      private String id;

      @Override
      public Optional<Instant> step() {
        var recipient = pair.recipient().client();
        if (id == null) {
          id = pair.send();
          Pulled pulled = Expect.single(recipient.pull(Pair.PULL.withVisibility(Duration.ofSeconds(1))), id);
          return Optional.of(pulled.leaseUntil().plus(MARGIN));
        }
        Expect.equal(1, recipient.reclaim(), "leases reclaimed");
        Pulled again = Expect.single(recipient.pull(Pair.PULL), id);
        Expect.equal(2, again.attempts(), "attempts after the reclaim");
        recipient.ack(again);
        return Optional.empty();
      }
    };
  }
}
