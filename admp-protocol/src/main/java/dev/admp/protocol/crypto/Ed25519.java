package dev.admp.protocol.crypto;

/** Ed25519 with raw 32-byte public keys and 64-byte tweetnacl secret keys (seed ‖ public key). */
public final class Ed25519 {
  private Ed25519() {}

  public static KeyPair generate() {
    throw new UnsupportedOperationException("pending: protocol implementation");
  }

  public static byte[] sign(byte[] secretKey, byte[] message) {
    throw new UnsupportedOperationException("pending: protocol implementation");
  }

  /** False for a bad signature or a malformed key/signature; never throws on bad input. */
  public static boolean verify(byte[] publicKey, byte[] message, byte[] signature) {
    throw new UnsupportedOperationException("pending: protocol implementation");
  }

  /** A key pair: {@code publicKey} 32 bytes, {@code secretKey} 64 bytes in tweetnacl form. */
  public record KeyPair(byte[] publicKey, byte[] secretKey) {}
}
