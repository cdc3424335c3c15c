package dev.admp.bench.report;

import java.util.Locale;
import java.util.OptionalDouble;

/** How figures are written for people, the same on the terminal and in the HTML page. */
final class Formats {
  private Formats() {}

  /** Milliseconds with about three significant digits: {@code 0.412}, {@code 4.12}, {@code 41.2}, {@code 412}. */
  static String ms(double millis) {
    if (millis == 0) {
      return "0";
    }
    double abs = Math.abs(millis);
    String pattern = abs < 1 ? "%.3f" : abs < 10 ? "%.2f" : abs < 100 ? "%.1f" : "%.0f";
    return String.format(Locale.ROOT, pattern, millis);
  }

  /** A small count that may be fractional (a mean per run): {@code 6}, {@code 5.5}, {@code 0.25}. */
  static String count(double value) {
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value);
    }
    return String.format(Locale.ROOT, Math.abs(value) < 10 ? "%.2f" : "%.1f", value);
  }

  static String ratio(OptionalDouble ratio) {
    return ratio.isPresent() ? String.format(Locale.ROOT, "%.2f", ratio.getAsDouble()) : "-";
  }

  static String rate(double perSecond) {
    return String.format(Locale.ROOT, perSecond < 100 ? "%.1f" : "%.0f", perSecond);
  }

  static String mebibytes(long bytes) {
    return String.format(Locale.ROOT, "%.1f", bytes / (1024.0 * 1024.0));
  }
}
