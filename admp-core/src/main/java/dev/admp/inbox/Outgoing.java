package dev.admp.inbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.admp.agent.AgentId;
import java.util.Objects;
import java.util.Optional;

/**
 * A message on its way into an inbox, after its envelope fields were checked.
 *
 * @param received the envelope exactly as the client sent it: the signature covers this
 * @param toStore the envelope to deliver, with the fields the hub fills in (its {@code to} is
 *     filled by {@link Delivery} when absent)
 * @param fields the checked fields of {@code received}
 * @param recipient the inbox
 * @param idempotencyKey the {@code Idempotency-Key} of the request, if any
 */
record Outgoing(
    ObjectNode received, ObjectNode toStore, EnvelopeFields fields, AgentId recipient, Optional<String> idempotencyKey) {
  Outgoing {
    Objects.requireNonNull(received, "received");
    Objects.requireNonNull(toStore, "toStore");
    Objects.requireNonNull(fields, "fields");
    Objects.requireNonNull(recipient, "recipient");
    Objects.requireNonNull(idempotencyKey, "idempotencyKey");
  }
}
