package dev.admp.server.durable;

import dev.admp.client.AdmpClient;
import dev.admp.client.AdmpClientException;
import dev.admp.client.Outgoing;
import dev.admp.client.PullOptions;
import dev.admp.client.Pulled;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * SEND, PULL and ACK running side by side against one hub until it dies. It keeps what the hub
 * confirmed: the messages whose SEND got {@code 201} and those whose ACK got {@code 200}. A call
 * cut off by the crash confirms nothing, whatever the hub did with it.
 */
final class CrashLoad implements AutoCloseable {
  static final Duration VISIBILITY = Duration.ofSeconds(3);

  private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
  private final List<Future<?>> running = new ArrayList<>();
  private final AtomicBoolean stop = new AtomicBoolean();
  private final Set<String> sent = ConcurrentHashMap.newKeySet();
  private final Set<String> acked = ConcurrentHashMap.newKeySet();
  private final AtomicInteger sequence = new AtomicInteger();

  /** Starts {@code senders} threads sending as {@code sender} to {@code recipient}, and {@code pullers} acking as it. */
  CrashLoad(AdmpClient asSender, AdmpClient asRecipient, String recipient, int senders, int pullers) {
    for (int i = 0; i < senders; i++) {
      running.add(threads.submit(() -> {
        while (!stop.get()) {
          String id = asSender.send(Outgoing.to(recipient, "work").withBody(Map.of("n", sequence.incrementAndGet())))
              .messageId();
          sent.add(id);
        }
        return null;
      }));
    }
    PullOptions options = PullOptions.defaults().withVisibility(VISIBILITY)
        .withWait(Duration.ofSeconds(1)).withMaxMessages(5);
    for (int i = 0; i < pullers; i++) {
      running.add(threads.submit(() -> {
        while (!stop.get()) {
          for (Pulled message : asRecipient.pull(options)) {
            try {
              asRecipient.ack(message);
              acked.add(message.messageId());
            } catch (AdmpClientException e) {
              if (e.kind() != AdmpClientException.Kind.CONFLICT) {
                throw e;
              }
              // LEASE_LOST: a slow round let the lease run out; the message is queued again
            }
          }
        }
        return null;
      }));
    }
  }

  /** Waits until the hub confirmed at least so many SENDs and ACKs. */
  void awaitConfirmed(int sends, int acks, Deadline deadline) {
    deadline.await(sends + " sends and " + acks + " acks are confirmed",
        () -> sent.size() >= sends && acked.size() >= acks || running.stream().anyMatch(Future::isDone),
        () -> "sent=" + sent.size() + " acked=" + acked.size());
    for (Future<?> f : running) {
      if (f.isDone()) {
        throw new AssertionError("the load stopped before the crash", failure(f));
      }
    }
  }

  /**
   * Stops the load after the crash: every thread must have ended on a failed call (the hub is
   * gone) or on the stop flag, never on an error answer from the live hub.
   */
  void stopAfterCrash() throws InterruptedException {
    stop.set(true);
    threads.shutdown();
    if (!threads.awaitTermination(60, TimeUnit.SECONDS)) {
      throw new AssertionError("the load did not stop after the crash");
    }
    for (Future<?> f : running) {
      Throwable t = failure(f);
      if (t != null && !(t instanceof AdmpClientException e && e.kind() == AdmpClientException.Kind.TRANSPORT)) {
        throw new AssertionError("the load failed with an answer from the hub before the crash", t);
      }
    }
  }

  Set<String> sent() {
    return Set.copyOf(sent);
  }

  Set<String> acked() {
    return Set.copyOf(acked);
  }

  private static Throwable failure(Future<?> f) {
    return f.state() == Future.State.FAILED ? f.exceptionNow() : null;
  }

  @Override
  public void close() {
    stop.set(true);
    threads.shutdownNow();
  }
}
