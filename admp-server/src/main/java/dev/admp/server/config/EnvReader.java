package dev.admp.server.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Typed reads of environment variables that collect every problem instead of stopping at the
 * first: a bad value is recorded as one line naming the variable, and the default is returned so
 * that reading can go on. A blank value counts as unset, as container tools often export
 * {@code NAME=} for a variable nobody set.
 */
final class EnvReader {
  private static final int MAX_SHOWN = 80;

  private final Map<String, String> env;
  private final List<String> problems = new ArrayList<>();

  EnvReader(Map<String, String> env) {
    this.env = Map.copyOf(env);
  }

  Optional<String> string(String name) {
    String value = env.get(name);
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
  }

  /** A required variable; records {@code NAME is required <when>} when it is unset. */
  Optional<String> required(String name, String when) {
    Optional<String> value = string(name);
    if (value.isEmpty()) {
      problem(name + " is required " + when);
    }
    return value;
  }

  int integer(String name, int defaultValue, int min, int max) {
    return (int) longValue(name, defaultValue, min, max);
  }

  long longValue(String name, long defaultValue, long min, long max) {
    Optional<String> raw = string(name);
    if (raw.isEmpty()) {
      return defaultValue;
    }
    try {
      long value = Long.parseLong(raw.get());
      if (value >= min && value <= max) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below, with the range
    }
    problem(name + " must be " + min + "-" + max + ", was " + show(raw.get()));
    return defaultValue;
  }

  Duration millis(String name, long defaultMillis, long min, long max) {
    return Duration.ofMillis(longValue(name, defaultMillis, min, max));
  }

  Duration seconds(String name, long defaultSeconds, long min, long max) {
    return Duration.ofSeconds(longValue(name, defaultSeconds, min, max));
  }

  boolean bool(String name, boolean defaultValue) {
    Optional<String> raw = string(name);
    if (raw.isEmpty()) {
      return defaultValue;
    }
    return switch (raw.get().toLowerCase(Locale.ROOT)) {
      case "true", "1", "yes" -> true;
      case "false", "0", "no" -> false;
      default -> {
        problem(name + " must be true or false, was " + show(raw.get()));
        yield defaultValue;
      }
    };
  }

  /** One of the enum's constants, written in any case. */
  <E extends Enum<E>> E choice(String name, E defaultValue, Class<E> type) {
    Optional<String> raw = string(name);
    if (raw.isEmpty()) {
      return defaultValue;
    }
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equalsIgnoreCase(raw.get())) {
        return constant;
      }
    }
    String allowed = Arrays.stream(type.getEnumConstants())
        .map(c -> c.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "));
    problem(name + " must be one of " + allowed + ", was " + show(raw.get()));
    return defaultValue;
  }

  void problem(String line) {
    problems.add(line);
  }

  /** Throws {@link ConfigException} listing every recorded problem, if there is any. */
  void failOnProblems() {
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
  }

  /** A value quoted for a problem line: control characters escaped, long values cut. */
  static String show(String value) {
    StringBuilder shown = new StringBuilder("'");
    value.codePoints().limit(MAX_SHOWN).forEach(c -> {
      if (Character.isISOControl(c)) {
        shown.append(String.format("\\u%04x", c));
      } else {
        shown.appendCodePoint(c);
      }
    });
    if (value.codePointCount(0, value.length()) > MAX_SHOWN) {
      shown.append("...");
    }
    return shown.append('\'').toString();
  }
}
