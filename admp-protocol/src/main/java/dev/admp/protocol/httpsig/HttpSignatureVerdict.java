package dev.admp.protocol.httpsig;

/**
 * The outcome of {@link HttpSignatures#verify}. Only {@link #VALID} authenticates the request; the
 * others tell a server which error to answer with.
 */
public enum HttpSignatureVerdict {
  /** The signature is a valid Ed25519 signature by the given key over the request. */
  VALID,
  /** The header names an algorithm other than {@code ed25519}. */
  UNSUPPORTED_ALGORITHM,
  /** {@code (request-target)} or {@code date} is not among the signed headers. */
  REQUIRED_HEADER_NOT_SIGNED,
  /** A signed header is absent from the request. */
  MISSING_HEADER,
  /** The signature is not base64 of 64 bytes, or does not verify with the key. */
  INVALID_SIGNATURE
}
