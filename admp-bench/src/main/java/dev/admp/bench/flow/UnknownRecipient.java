package dev.admp.bench.flow;

import dev.admp.bench.backend.BenchAgent;
import dev.admp.bench.backend.BenchHub;
import dev.admp.client.Outgoing;
import java.util.Optional;
import java.util.UUID;

/** A signed message to an agent that does not exist: {@code 404 RECIPIENT_NOT_FOUND}. */
final class UnknownRecipient implements Flow {
  @Override
  public String name() {
    return "unknown-recipient";
  }

  @Override
  public int budget() {
    return 1; // the recipient lookup misses every cache
  }

  @Override
  public FlowRun prepare(BenchHub hub) {
    BenchAgent sender = hub.register("sender");
    Outgoing message = Outgoing.to("agent://bench-nobody-" + UUID.randomUUID(), "bench");
    return () -> {
      Expect.error("RECIPIENT_NOT_FOUND", () -> sender.client().send(message));
      return Optional.empty();
    };
  }
}
