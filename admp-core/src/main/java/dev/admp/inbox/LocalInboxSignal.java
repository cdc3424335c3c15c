package dev.admp.inbox;

import dev.admp.agent.AgentId;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * An in-process {@link InboxSignal}: one version counter and condition per inbox, so waiters
 * block without polling and a wake touches only the waiters of its inbox. Locks rather than
 * {@code synchronized} so that waiting virtual threads do not pin their carrier.
 */
public final class LocalInboxSignal implements InboxSignal {
  private final Map<AgentId, Slot> slots = new ConcurrentHashMap<>();

  @Override
  public long version(AgentId inbox) {
    return slot(inbox).version;
  }

  @Override
  public void wake(AgentId inbox) {
    Slot slot = slots.get(inbox);
    if (slot == null) {
      return; // nobody has read a version of this inbox, so nobody waits on it
    }
    slot.lock.lock();
    try {
      slot.version++;
      slot.changed.signalAll();
    } finally {
      slot.lock.unlock();
    }
  }

  @Override
  public boolean await(AgentId inbox, long seen, Duration max) throws InterruptedException {
    Slot slot = slot(inbox);
    long nanos = max.toNanos();
    slot.lock.lock();
    try {
      while (slot.version == seen) {
        if (nanos <= 0) {
          return false;
        }
        nanos = slot.changed.awaitNanos(nanos);
      }
      return true;
    } finally {
      slot.lock.unlock();
    }
  }

  private Slot slot(AgentId inbox) {
    return slots.computeIfAbsent(inbox, id -> new Slot());
  }

  private static final class Slot {
    final ReentrantLock lock = new ReentrantLock();
    final Condition changed = lock.newCondition();
    volatile long version;
  }
}
