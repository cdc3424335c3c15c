package dev.admp.bench.flow;

import java.util.List;

/** The conformance flow set, in the order it runs. */
public final class Flows {
  private Flows() {}

  public static List<Flow> all() {
    return List.of(new SendPullAck(), new NackRequeue(), new NackExtend(), new LeaseExpiry(),
        new InvalidSignature(), new UnknownRecipient(), new StaleTimestamp(), new TrustBlock());
  }
}
