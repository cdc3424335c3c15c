package dev.admp.server.config;

import java.util.List;

/** The environment does not make a valid configuration; {@link #problems()} has one line per bad variable. */
public final class ConfigException extends RuntimeException {
  private final List<String> problems;

  public ConfigException(List<String> problems) {
    super(String.join("; ", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
