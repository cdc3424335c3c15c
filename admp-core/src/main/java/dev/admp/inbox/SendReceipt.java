package dev.admp.inbox;

import java.util.Objects;

/**
 * The answer to SEND or REPLY.
 *
 * @param id the message id
 * @param state {@code QUEUED} for a new message; the current state of the original for a duplicate
 * @param duplicate true when an earlier SEND with the same (from, to, id or key) stored the message
 */
public record SendReceipt(MessageId id, MessageState state, boolean duplicate) {
  public SendReceipt {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(state, "state");
  }
}
