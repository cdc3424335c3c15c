package dev.admp.inbox;

import dev.admp.ConflictException;
import dev.admp.InvalidRequestException;
import dev.admp.NotFoundException;
import dev.admp.agent.AgentId;

/** ACK and NACK: how each turns a store {@link Transition} into the message or the error of {@code API.md}. */
enum LeaseVerb {
  ACK("ack", "ACK_FAILED"),
  NACK("nack", "NACK_FAILED");

  private final String verb;
  private final String failure;

  LeaseVerb(String verb, String failure) {
    this.verb = verb;
    this.failure = failure;
  }

  /** The message after the transition, or the error that says why {@code inbox} could not apply it. */
  Message result(Transition transition, AgentId inbox) {
    return switch (transition) {
      case Transition.Done done -> done.message();
      case Transition.NotFound notFound ->
          throw new NotFoundException("MESSAGE_NOT_FOUND", "message " + notFound.id() + " not found");
      case Transition.NotOwner notOwner -> throw new InvalidRequestException(failure,
          "message " + notOwner.id() + " is not in the inbox of " + inbox + "; cannot " + verb);
      case Transition.WrongState wrong -> throw new InvalidRequestException(failure,
          "message " + wrong.id() + " is " + wrong.actual().wireName() + "; cannot " + verb);
      case Transition.LeaseLost lost -> throw new ConflictException("LEASE_LOST",
          "message " + lost.id() + " is no longer leased under the given lease_id; cannot " + verb);
    };
  }
}
