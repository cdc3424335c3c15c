package dev.admp.inbox;

import dev.admp.agent.AgentId;
import java.time.Duration;

/**
 * Wakes long-polling pulls when their inbox may have a new message. A puller reads
 * {@link #version} before it looks at the store, and awaits a change of it only when it found
 * nothing: a wake between the two is never lost. Implementations are thread-safe; a
 * multi-node backend implements it across nodes (e.g. PostgreSQL {@code LISTEN/NOTIFY}).
 */
public interface InboxSignal {
  /** A number that changes at every {@link #wake} of the inbox. */
  long version(AgentId inbox);

  /** Tells waiters on the inbox that it may have a new visible message. */
  void wake(AgentId inbox);

  /** Waits until wake(inbox) after version `seen`, or max; true when woken. */
  boolean await(AgentId inbox, long seen, Duration max) throws InterruptedException;
}
