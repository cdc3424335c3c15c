package dev.admp.protocol.json;

import dev.admp.protocol.ProtocolException;

/** JSON text that {@link JsJson#parse(String)} refuses, with the {@link Reason reason}. */
public final class InvalidJsonException extends ProtocolException {
  /** Why the text was refused. */
  public enum Reason {
    /** Not well-formed JSON, or trailing content after the value, or empty input. */
    SYNTAX,
    /** Arrays and objects nested deeper than {@link JsJson#MAX_DEPTH}. */
    TOO_DEEP,
    /** A number, string or name longer than the parser allows. */
    TOO_LARGE
  }

  private final Reason reason;

  InvalidJsonException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  /** Why the text was refused. */
  public Reason reason() {
    return reason;
  }
}
