package dev.admp.protocol.crypto;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

/**
 * Ed25519 (RFC 8032) with raw 32-byte public keys and 64-byte tweetnacl secret keys (32-byte seed
 * followed by the public key), on BouncyCastle's low-level implementation, which is several times
 * faster than the JDK provider. Signatures are byte-identical to tweetnacl's.
 *
 * <p>Thread-safe and stateless.
 */
public final class Ed25519 {
  /** Length of a public key. */
  public static final int PUBLIC_KEY_BYTES = 32;
  /** Length of a secret key in tweetnacl form. */
  public static final int SECRET_KEY_BYTES = 64;
  /** Length of a signature. */
  public static final int SIGNATURE_BYTES = 64;

  private static final int SEED_BYTES = 32;

  static {
    // Builds BouncyCastle's base-point tables once, up front, instead of on the first request.
    org.bouncycastle.math.ec.rfc8032.Ed25519.precompute();
  }

  private Ed25519() {}

  /** A new key pair from a fresh {@link SecureRandom}. */
  public static KeyPair generate() {
    return generate(new SecureRandom());
  }

  /** A new key pair whose seed comes from {@code random}. */
  public static KeyPair generate(SecureRandom random) {
    byte[] secretKey = new byte[SECRET_KEY_BYTES];
    random.nextBytes(secretKey);
    org.bouncycastle.math.ec.rfc8032.Ed25519.generatePublicKey(secretKey, 0, secretKey, SEED_BYTES);
    KeyPair pair = new KeyPair(Arrays.copyOfRange(secretKey, SEED_BYTES, SECRET_KEY_BYTES), secretKey);
    Arrays.fill(secretKey, (byte) 0);
    return pair;
  }

  /**
   * Signs a message as tweetnacl's {@code nacl.sign.detached} does: with the seed in the first
   * half of the secret key and the public key in its second half.
   *
   * @throws IllegalArgumentException when the secret key is not 64 bytes
   */
  public static byte[] sign(byte[] secretKey, byte[] message) {
    if (secretKey == null || secretKey.length != SECRET_KEY_BYTES) {
      throw new IllegalArgumentException("an Ed25519 secret key has " + SECRET_KEY_BYTES + " bytes");
    }
    byte[] signature = new byte[SIGNATURE_BYTES];
    org.bouncycastle.math.ec.rfc8032.Ed25519.sign(
        secretKey, 0, secretKey, SEED_BYTES, message, 0, message.length, signature, 0);
    return signature;
  }

  /**
   * Whether {@code signature} is a valid signature of {@code message} by {@code publicKey}.
   * False, never an exception, for any malformed input: null, wrong lengths, a public key that is
   * not a curve point, a non-canonical signature.
   */
  public static boolean verify(byte[] publicKey, byte[] message, byte[] signature) {
    if (publicKey == null || publicKey.length != PUBLIC_KEY_BYTES || message == null
        || signature == null || signature.length != SIGNATURE_BYTES) {
      return false;
    }
    try {
      return org.bouncycastle.math.ec.rfc8032.Ed25519.verify(
          signature, 0, publicKey, 0, message, 0, message.length);
    } catch (RuntimeException e) {
      return false; // BouncyCastle signals some malformed points by throwing
    }
  }

  /**
   * The public key derived from the seed of a 64-byte secret key (not copied from its second half).
   *
   * @throws IllegalArgumentException when the secret key is not 64 bytes
   */
  public static byte[] publicKeyOf(byte[] secretKey) {
    if (secretKey == null || secretKey.length != SECRET_KEY_BYTES) {
      throw new IllegalArgumentException("an Ed25519 secret key has " + SECRET_KEY_BYTES + " bytes");
    }
    byte[] publicKey = new byte[PUBLIC_KEY_BYTES];
    org.bouncycastle.math.ec.rfc8032.Ed25519.generatePublicKey(secretKey, 0, publicKey, 0);
    return publicKey;
  }

  /**
   * Decodes a base64 public key.
   *
   * @throws MalformedKeyException when the text is not base64 of exactly 32 bytes
   */
  public static byte[] decodePublicKey(String base64) {
    return decode(base64, PUBLIC_KEY_BYTES, "public key");
  }

  /**
   * Decodes a base64 secret key in tweetnacl form.
   *
   * @throws MalformedKeyException when the text is not base64 of exactly 64 bytes (the message
   *     never contains the text)
   */
  public static byte[] decodeSecretKey(String base64) {
    return decode(base64, SECRET_KEY_BYTES, "secret key");
  }

  /**
   * Decodes a base64 signature.
   *
   * @throws MalformedKeyException when the text is not base64 of exactly 64 bytes
   */
  public static byte[] decodeSignature(String base64) {
    return decode(base64, SIGNATURE_BYTES, "signature");
  }

  /** Standard base64 with padding, as tweetnacl-util and the wire use. */
  public static String encode(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }

  private static byte[] decode(String base64, int length, String what) {
    if (base64 == null) {
      throw new MalformedKeyException(what + " is missing");
    }
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      throw new MalformedKeyException(what + " is not valid base64");
    }
    if (bytes.length != length) {
      throw new MalformedKeyException(what + " must be " + length + " bytes, was " + bytes.length);
    }
    return bytes;
  }

  /**
   * A key pair: {@code publicKey} 32 bytes, {@code secretKey} 64 bytes in tweetnacl form. Arrays are
   * copied in and out, equality compares contents, and {@link #toString()} never shows the secret.
   */
  public record KeyPair(byte[] publicKey, byte[] secretKey) {
    /**
     * @throws IllegalArgumentException when a key has the wrong length
     */
    public KeyPair {
      if (publicKey == null || publicKey.length != PUBLIC_KEY_BYTES) {
        throw new IllegalArgumentException("an Ed25519 public key has " + PUBLIC_KEY_BYTES + " bytes");
      }
      if (secretKey == null || secretKey.length != SECRET_KEY_BYTES) {
        throw new IllegalArgumentException("an Ed25519 secret key has " + SECRET_KEY_BYTES + " bytes");
      }
      publicKey = publicKey.clone();
      secretKey = secretKey.clone();
    }

    /**
     * The pair of a tweetnacl secret key.
     *
     * @throws IllegalArgumentException when the key is not 64 bytes or its second half is not the
     *     public key of its seed (signatures made with it would not verify)
     */
    public static KeyPair of(byte[] secretKey) {
      byte[] publicKey = publicKeyOf(secretKey);
      if (!Arrays.equals(publicKey, 0, PUBLIC_KEY_BYTES, secretKey, SEED_BYTES, SECRET_KEY_BYTES)) {
        throw new IllegalArgumentException("the secret key's second half is not the public key of its seed");
      }
      return new KeyPair(publicKey, secretKey);
    }

    @Override
    public byte[] publicKey() {
      return publicKey.clone();
    }

    @Override
    public byte[] secretKey() {
      return secretKey.clone();
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof KeyPair that
          && Arrays.equals(publicKey, that.publicKey) && Arrays.equals(secretKey, that.secretKey);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(publicKey);
    }

    @Override
    public String toString() {
      return "KeyPair[publicKey=" + encode(publicKey) + ", secretKey=<redacted>]";
    }
  }
}
