package dev.admp.inbox;

/** What {@code Store.enqueue} did. */
public sealed interface EnqueueOutcome {
  /** Stored as a new queued message. */
  record Enqueued(Message message) implements EnqueueOutcome {}

  /** A message with the same dedup key exists; nothing was written. */
  record Duplicate(Message existing) implements EnqueueOutcome {}

  /** The message id is taken by a message with another dedup key; nothing was written. */
  record IdConflict(MessageId id) implements EnqueueOutcome {}
}
