package dev.admp.bench.flow;

import dev.admp.bench.backend.BenchHub;
import dev.admp.client.AdmpClientException;
import java.util.Optional;
import java.util.UUID;

/** The recipient trusts only some other agent, so the sender's message is refused: {@code 400 SEND_FAILED}, "not trusted". */
final class TrustBlock implements Flow {
  @Override
  public String name() {
    return "trust-block";
  }

  @Override
  public int budget() {
    return 0; // the trust list comes with the cached recipient; nothing is written
  }

  @Override
  public FlowRun prepare(BenchHub hub) {
    Pair pair = Pair.register(hub);
    pair.recipient().client().trust("agent://bench-friend-" + UUID.randomUUID());
    return () -> {
      Expect.error("SEND_FAILED", () -> {
        try {
          pair.send();
        } catch (AdmpClientException e) {
          Expect.that(!"SEND_FAILED".equals(e.code()) || e.getMessage().contains("not trusted"),
              () -> "SEND_FAILED without 'not trusted': " + e.getMessage());
          throw e;
        }
      });
      return Optional.empty();
    };
  }
}
