package dev.admp.protocol.json;

import java.math.BigDecimal;

/**
 * {@code Number.prototype.toString(10)} (ECMA-262 Number::toString). Java 19+ {@link
 * Double#toString(double)} already finds the shortest digits that round-trip, with one exception
 * handled here: when a single digit would do, Java may print the closest two-digit decimal instead
 * (4.9E-324 where JavaScript prints 5e-324).
 */
final class JsNumberFormat {
  private JsNumberFormat() {}

  static String format(double value) {
    if (Double.isNaN(value)) {
      return "NaN";
    }
    if (value == 0) {
      return "0"; // also -0
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "Infinity" : "-Infinity";
    }
    if (value < 0) {
      return "-" + format(-value);
    }
    if (value == Math.rint(value) && value < 9.007199254740992e15) {
      return Long.toString((long) value);
    }
    Decimal d = Decimal.shortest(value);
    return render(d.digits(), d.exponent());
  }

  /** Value = 0.{@code digits} × 10^{@code exponent}; digits has no leading or trailing zero. */
  private record Decimal(String digits, int exponent) {
    static Decimal shortest(double value) {
      Decimal java = fromJava(Double.toString(value));
      return java.digits().length() == 2 ? oneDigitIfExact(value, java) : java;
    }

    private static Decimal fromJava(String text) {
      int e = text.indexOf('E');
      String mantissa = e < 0 ? text : text.substring(0, e);
      int exponent = e < 0 ? 0 : Integer.parseInt(text.substring(e + 1));
      int point = mantissa.indexOf('.');
      String all = point < 0 ? mantissa : mantissa.substring(0, point) + mantissa.substring(point + 1);
      int n = (point < 0 ? mantissa.length() : point) + exponent;
      int first = 0;
      while (first < all.length() - 1 && all.charAt(first) == '0') {
        first++;
        n--;
      }
      int end = all.length();
      while (end > first + 1 && all.charAt(end - 1) == '0') {
        end--;
      }
      return new Decimal(all.substring(first, end), n);
    }

    /** The closest one-digit decimal that still rounds to {@code value}, if there is one. */
    private static Decimal oneDigitIfExact(double value, Decimal twoDigits) {
      int lead = twoDigits.digits().charAt(0) - '0';
      Decimal below = new Decimal(Integer.toString(lead), twoDigits.exponent());
      Decimal above = lead == 9
          ? new Decimal("1", twoDigits.exponent() + 1)
          : new Decimal(Integer.toString(lead + 1), twoDigits.exponent());
      boolean belowFits = below.toDouble() == value;
      boolean aboveFits = above.toDouble() == value;
      if (belowFits && aboveFits) {
        BigDecimal exact = new BigDecimal(value);
        int cmp = exact.subtract(below.toBigDecimal()).abs()
            .compareTo(above.toBigDecimal().subtract(exact).abs());
        return cmp < 0 || (cmp == 0 && lead % 2 == 0) ? below : above;
      }
      return belowFits ? below : aboveFits ? above : twoDigits;
    }

    private double toDouble() {
      return Double.parseDouble("0." + digits + "E" + exponent);
    }

    private BigDecimal toBigDecimal() {
      return new BigDecimal("0." + digits + "E" + exponent);
    }
  }

  private static String render(String s, int n) {
    int k = s.length();
    StringBuilder out = new StringBuilder(24);
    if (k <= n && n <= 21) {
      out.append(s);
      out.repeat('0', n - k);
    } else if (0 < n && n <= 21) {
      out.append(s, 0, n).append('.').append(s, n, k);
    } else if (-6 < n && n <= 0) {
      out.append("0.");
      out.repeat('0', -n);
      out.append(s);
    } else {
      int e = n - 1;
      out.append(s.charAt(0));
      if (k > 1) {
        out.append('.').append(s, 1, k);
      }
      out.append('e').append(e < 0 ? '-' : '+').append(Math.abs(e));
    }
    return out.toString();
  }
}
