package dev.admp.inbox;

/** The outcome of a conditional transition on a leased message (ack, requeue, extend). */
public sealed interface Transition {
  /** Applied; {@code message} is the message after the transition. */
  record Done(Message message) implements Transition {}

  record NotFound(MessageId id) implements Transition {}

  /** The message is in another agent's inbox. */
  record NotOwner(MessageId id) implements Transition {}

  /** The message is not leased. */
  record WrongState(MessageId id, MessageState actual) implements Transition {}

  /** The message is leased, but not under the lease the caller named. */
  record LeaseLost(MessageId id) implements Transition {}
}
