package dev.admp.client;

/**
 * A request the hub refused, or one that never got a usable answer. {@link #code()} is the hub's
 * error code (the {@code error} field of its error body, e.g. {@code AGENT_NOT_FOUND},
 * {@code LEASE_LOST}) and {@link #kind()} groups codes as the hub's statuses do, so callers never
 * need to look at statuses. When no usable response arrived, {@link #status()} is 0 and the code
 * is {@link #CONNECTION_FAILED}, {@link #TIMEOUT}, {@link #INTERRUPTED} or
 * {@link #INVALID_RESPONSE}.
 */
public final class AdmpClientException extends RuntimeException {
  /** The hub could not be reached, or the connection broke. */
  public static final String CONNECTION_FAILED = "CONNECTION_FAILED";
  /** No response arrived within the client's timeout. */
  public static final String TIMEOUT = "TIMEOUT";
  /** The calling thread was interrupted while waiting; its interrupt flag is set again. */
  public static final String INTERRUPTED = "INTERRUPTED";
  /** A successful response that is not the JSON the contract describes. */
  public static final String INVALID_RESPONSE = "INVALID_RESPONSE";

  /** What kind of failure this is, after the hub's status classes. */
  public enum Kind {
    /** 400: the request is invalid ({@code SEND_FAILED}, {@code INVALID_TIMESTAMP}, …). */
    INVALID_REQUEST,
    /** 401: authentication is missing or wrong ({@code SIGNATURE_INVALID}, …). */
    UNAUTHORIZED,
    /** 403: authenticated but not allowed ({@code INVALID_SIGNATURE}, {@code FORBIDDEN}, …). */
    FORBIDDEN,
    /** 404: the agent, message or route does not exist. */
    NOT_FOUND,
    /** 409: a conflict with the current state ({@code LEASE_LOST}, {@code MESSAGE_ID_CONFLICT}). */
    CONFLICT,
    /** 413: the body is larger than the hub accepts. */
    PAYLOAD_TOO_LARGE,
    /** 503: the hub's storage is unavailable; retrying later may succeed. */
    UNAVAILABLE,
    /** Any other 5xx: a fault in the hub. */
    SERVER_ERROR,
    /** Any other non-2xx status. */
    OTHER,
    /** No usable response: connection failure, timeout, interruption, malformed response. */
    TRANSPORT
  }

  private final int status;
  private final String code;

  AdmpClientException(int status, String code, String message, Throwable cause) {
    super(message == null || message.isEmpty() ? code : code + ": " + message, cause);
    this.status = status;
    this.code = code;
  }

  /** The HTTP status, or 0 when no usable response arrived. */
  public int status() {
    return status;
  }

  /** The hub's error code, or one of this class's constants when no usable response arrived. */
  public String code() {
    return code;
  }

  /** The failure's kind. */
  public Kind kind() {
    return switch (status) {
      case 0 -> Kind.TRANSPORT;
      case 400 -> Kind.INVALID_REQUEST;
      case 401 -> Kind.UNAUTHORIZED;
      case 403 -> Kind.FORBIDDEN;
      case 404 -> Kind.NOT_FOUND;
      case 409 -> Kind.CONFLICT;
      case 413 -> Kind.PAYLOAD_TOO_LARGE;
      case 503 -> Kind.UNAVAILABLE;
      default -> status >= 500 ? Kind.SERVER_ERROR : Kind.OTHER;
    };
  }
}
