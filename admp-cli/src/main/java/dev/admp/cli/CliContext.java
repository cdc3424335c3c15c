package dev.admp.cli;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * What the command reads from the outside world, passed in so tests run it with their own.
 *
 * @param env environment variables
 * @param userHome where {@code .admp/config.json} lives unless {@code ADMP_CONFIG} or {@code --config} says otherwise
 * @param stdin where {@code --body-file -} reads from
 */
record CliContext(Map<String, String> env, Path userHome, InputStream stdin) {
  CliContext {
    env = Map.copyOf(Objects.requireNonNull(env, "env"));
    Objects.requireNonNull(userHome, "userHome");
    Objects.requireNonNull(stdin, "stdin");
  }

  CliContext(Map<String, String> env, Path userHome) {
    this(env, userHome, InputStream.nullInputStream());
  }

  static CliContext system() {
    return new CliContext(System.getenv(), Path.of(System.getProperty("user.home")), System.in);
  }

  String env(String name) {
    String value = env.get(name);
    return value == null || value.isBlank() ? null : value;
  }
}
