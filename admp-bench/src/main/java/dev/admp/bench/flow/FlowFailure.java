package dev.admp.bench.flow;

/** The hub answered a flow's call other than the protocol prescribes. */
public final class FlowFailure extends RuntimeException {
  public FlowFailure(String message) {
    super(message);
  }

  public FlowFailure(String message, Throwable cause) {
    super(message, cause);
  }
}
