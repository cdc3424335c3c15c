package dev.admp.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * What the command reads from the outside world, passed in so tests run it with their own.
 *
 * @param env environment variables
 * @param userHome where {@code .admp/config.json} lives unless {@code ADMP_CONFIG} or {@code --config} says otherwise
 */
record CliContext(Map<String, String> env, Path userHome) {
  CliContext {
    env = Map.copyOf(Objects.requireNonNull(env, "env"));
    Objects.requireNonNull(userHome, "userHome");
  }

  static CliContext system() {
    return new CliContext(System.getenv(), Path.of(System.getProperty("user.home")));
  }

  String env(String name) {
    String value = env.get(name);
    return value == null || value.isBlank() ? null : value;
  }
}
