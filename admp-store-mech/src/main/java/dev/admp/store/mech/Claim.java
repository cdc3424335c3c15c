package dev.admp.store.mech;

import dev.admp.inbox.Message;
import java.util.Optional;

/**
 * A change to one message that the index has reserved: the message is busy (no other change can
 * start on it) until the store has written {@code after} to Mech and committed, or rolled back.
 *
 * @param after the message after the change; empty when the change deletes it
 */
record Claim(IndexedInbox inbox, long seq, Message before, Optional<Message> after) {
  Message next() {
    return after.orElseThrow();
  }
}
