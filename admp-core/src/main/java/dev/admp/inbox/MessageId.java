package dev.admp.inbox;

import dev.admp.InvalidRequestException;

/** A message id: the envelope's {@code id} when it has one, else one the hub generates. */
public record MessageId(String value) {
  public MessageId {
    if (value == null || value.isEmpty() || value.length() > 256 || value.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
      throw new InvalidRequestException("SEND_FAILED", "message id must be 1-256 printable characters");
    }
  }

  public static MessageId generate() {
    return new MessageId(java.util.UUID.randomUUID().toString());
  }

  @Override
  public String toString() {
    return value;
  }
}
