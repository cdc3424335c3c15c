package dev.admp.bench.backend;

import dev.admp.bench.report.Target;
import java.util.List;

/**
 * A storage backend the benchmark can measure. Adding a backend is one class like
 * {@link SqliteBackend} and one line in {@link Backends#all()}.
 */
public interface Backend {
  /** The {@code --backends} name and the first part of its targets' labels. */
  String name();

  /** The {@code STORAGE_BACKEND} its hubs run with; the name unless a variant shares a store. */
  default String storage() {
    return name();
  }

  /** The hubs to measure: one for a local backend (the default), one per round-trip time for a remote one. */
  default List<Target> targets(List<Integer> rttsMillis) {
    return List.of(Target.local(name()));
  }

  /**
   * Starts what this backend's hubs share (a database server, an emulator and its proxy).
   *
   * @throws RuntimeException when that cannot start; none of this backend's targets is measured then
   */
  Session open(HubLauncher launcher);

  /** The backend's shared resources, open; closing them stops what {@link #open} started. */
  interface Session extends AutoCloseable {
    /**
     * Starts a hub for one of {@link #targets}, in the {@link Phase#SETUP} phase.
     *
     * @throws RuntimeException when the hub cannot start (e.g. the backend is not in this build)
     */
    BenchHub start(Target target);

    @Override
    void close();
  }
}
