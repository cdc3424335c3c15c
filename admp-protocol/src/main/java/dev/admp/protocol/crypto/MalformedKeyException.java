package dev.admp.protocol.crypto;

import dev.admp.protocol.ProtocolException;

/** A key or signature that is not valid base64 or not of the length Ed25519 needs. */
public final class MalformedKeyException extends ProtocolException {
  MalformedKeyException(String message) {
    super(message);
  }
}
