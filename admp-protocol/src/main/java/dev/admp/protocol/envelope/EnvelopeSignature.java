package dev.admp.protocol.envelope;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** The ADMP envelope signature: Ed25519 over the signing base of {@code API.md}. */
public final class EnvelopeSignature {
  private EnvelopeSignature() {}

  /** {@code timestamp \n base64(sha256(JSON.stringify(body || {}))) \n from \n to \n (correlation_id || "")}. */
  public static String signingBase(ObjectNode envelope) {
    throw new UnsupportedOperationException("pending: protocol implementation");
  }

  /** Sets {@code signature = {alg:"ed25519", kid, sig}} on the envelope and returns it. */
  public static ObjectNode sign(ObjectNode envelope, byte[] secretKey, String kid) {
    throw new UnsupportedOperationException("pending: protocol implementation");
  }

  /** True when the envelope carries an ed25519 signature by this key; false on any malformation. */
  public static boolean verify(ObjectNode envelope, byte[] publicKey) {
    throw new UnsupportedOperationException("pending: protocol implementation");
  }
}
