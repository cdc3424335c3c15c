package dev.admp.bench.flow;

import dev.admp.bench.backend.BenchHub;
import dev.admp.client.AdmpClient;
import java.util.Optional;

/**
 * A client that claims to be the sender but holds another agent's key: its envelope is refused
 * ({@code 403 INVALID_SIGNATURE}) and so is its signed pull ({@code 401 SIGNATURE_INVALID}).
 */
final class InvalidSignature implements Flow {
  @Override
  public String name() {
    return "invalid-signature";
  }

  @Override
  public int budget() {
    return 0; // both agents are known to the hub; nothing is written
  }

  @Override
  public FlowRun prepare(BenchHub hub) {
    Pair pair = Pair.register(hub);
    AdmpClient impostor = hub.client().withAgent(pair.sender().id(), pair.recipient().secretKey());
    return () -> {
      Expect.error("INVALID_SIGNATURE", () -> impostor.send(pair.message()));
      Expect.error("SIGNATURE_INVALID", () -> impostor.pull(Pair.PULL));
      return Optional.empty();
    };
  }
}
