package dev.admp.protocol.httpsig;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

/**
 * The HTTP {@code Date} header format (RFC 1123 / IMF-fixdate), e.g.
 * {@code Thu, 15 Jan 2026 10:20:30 GMT}, as JavaScript's {@code Date.prototype.toUTCString} writes it.
 */
public final class HttpDate {
  private static final DateTimeFormatter FIXDATE =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

  private HttpDate() {}

  /** The header value for this instant, to the second (sub-second parts are dropped). */
  public static String format(Instant instant) {
    return FIXDATE.format(instant);
  }

  /** The instant of an RFC 1123 date ({@code GMT} or a numeric offset), or empty when malformed. */
  public static Optional<Instant> parse(String value) {
    if (value == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(Instant.from(DateTimeFormatter.RFC_1123_DATE_TIME.parse(value.strip())));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
