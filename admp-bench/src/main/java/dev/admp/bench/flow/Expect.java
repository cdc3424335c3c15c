package dev.admp.bench.flow;

import dev.admp.client.AdmpClientException;
import dev.admp.client.Pulled;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/** Checks on the hub's answers; each failure names what was expected. */
final class Expect {
  private Expect() {}

  /** Runs {@code call} and requires it to fail with the hub error {@code code}. */
  static void error(String code, Runnable call) {
    try {
      call.run();
    } catch (AdmpClientException e) {
      if (!code.equals(e.code())) {
        throw new FlowFailure("expected " + code + ", got " + e.code() + " (" + e.status() + ")", e);
      }
      return;
    }
    throw new FlowFailure("expected " + code + ", got success");
  }

  /** Requires exactly one pulled message, with this id. */
  static Pulled single(List<Pulled> pulled, String messageId) {
    if (pulled.size() != 1 || !pulled.get(0).messageId().equals(messageId)) {
      throw new FlowFailure("expected to pull " + messageId + ", got "
          + pulled.stream().map(Pulled::messageId).toList());
    }
    return pulled.get(0);
  }

  static void equal(Object expected, Object actual, String what) {
    if (!Objects.equals(expected, actual)) {
      throw new FlowFailure(what + ": expected " + expected + ", got " + actual);
    }
  }

  static void that(boolean condition, Supplier<String> what) {
    if (!condition) {
      throw new FlowFailure(what.get());
    }
  }
}
