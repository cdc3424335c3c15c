package dev.admp.bench.flow;

import dev.admp.bench.backend.BenchAgent;
import dev.admp.bench.backend.BenchHub;
import dev.admp.client.Outgoing;
import dev.admp.client.PullOptions;
import java.time.Duration;
import java.util.Map;

/** A sender and a recipient, registered for one run. */
record Pair(BenchAgent sender, BenchAgent recipient) {
  /** Long enough that no lease ends during a step unless the flow wants it to. */
  static final PullOptions PULL = PullOptions.defaults().withVisibility(Duration.ofSeconds(60));

  static Pair register(BenchHub hub) {
    return new Pair(hub.register("sender"), hub.register("recipient"));
  }

  /** Sends one small signed message from the sender to the recipient; returns its id. */
  String send() {
    return sender.client().send(message()).messageId();
  }

  Outgoing message() {
    return Outgoing.to(recipient.id(), "bench").withType("task.request").withBody(Map.of("n", 1));
  }
}
