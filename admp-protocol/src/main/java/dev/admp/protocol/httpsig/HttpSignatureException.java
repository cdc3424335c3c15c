package dev.admp.protocol.httpsig;

import dev.admp.protocol.ProtocolException;

/** A {@code Signature} header that cannot be parsed, or a signed header the request lacks. */
public final class HttpSignatureException extends ProtocolException {
  /** What is wrong. */
  public enum Reason {
    /** The {@code Signature} header value is not a well-formed parameter list. */
    MALFORMED_HEADER,
    /** A header named in {@code headers} is absent from the request. */
    MISSING_HEADER
  }

  private final Reason reason;

  HttpSignatureException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  /** What is wrong. */
  public Reason reason() {
    return reason;
  }
}
