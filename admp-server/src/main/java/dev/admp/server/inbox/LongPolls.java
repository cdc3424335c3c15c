package dev.admp.server.inbox;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The long polls in progress. A stopping hub ends them at once (the pull answers 204) instead of
 * letting the server's shutdown wait up to {@code wait_sec} for each; the inbox's long poll
 * returns empty when its thread is interrupted.
 */
public final class LongPolls {
  private final Set<Thread> waiting = ConcurrentHashMap.newKeySet();
  private volatile boolean stopping;

  <T> T run(Supplier<T> pull) {
    Thread self = Thread.currentThread();
    waiting.add(self);
    try {
      if (stopping) {
        self.interrupt();
      }
      return pull.get();
    } finally {
      waiting.remove(self);
      if (stopping) {
        Thread.interrupted(); // let the empty answer be written
      }
    }
  }

  /** Ends every long poll now and every later one at once. */
  public void stopAll() {
    stopping = true;
    waiting.forEach(Thread::interrupt);
  }
}
