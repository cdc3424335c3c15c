package dev.admp.bench.backend;

import java.util.ArrayList;
import java.util.List;

/** Every backend the benchmark knows, in the order it measures them (memory first: the baseline). */
public final class Backends {
  private Backends() {}

  public static List<Backend> all() {
    return List.of(new MemoryBackend(), new SqliteBackend(), new PostgresBackend(), MechBackend.keepAlive(),
        MechBackend.closing());
  }

  public static List<String> names() {
    return all().stream().map(Backend::name).toList();
  }

  /**
   * The named backends in measuring order; all of them for an empty list.
   *
   * @throws IllegalArgumentException naming any unknown backend
   */
  public static List<Backend> named(List<String> names) {
    if (names.isEmpty()) {
      return all();
    }
    List<String> unknown = new ArrayList<>(names);
    unknown.removeAll(names());
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException("unknown backend " + String.join(", ", unknown) + "; known: "
          + String.join(", ", names()));
    }
    return all().stream().filter(b -> names.contains(b.name())).toList();
  }
}
