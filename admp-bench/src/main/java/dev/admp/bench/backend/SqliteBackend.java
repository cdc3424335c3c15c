package dev.admp.bench.backend;

import dev.admp.bench.report.Target;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/** SQLite in a fresh temporary data directory per hub, deleted afterwards. */
final class SqliteBackend implements Backend {
  @Override
  public String name() {
    return "sqlite";
  }

  @Override
  public Session open(HubLauncher launcher) {
    return new Session() {
      @Override
      public BenchHub start(Target target) {
        Path dataDir = createDataDir();
        try {
          RunningHub hub = launcher.launch(Map.of("STORAGE_BACKEND", "sqlite", "DATA_DIR", dataDir.toString()));
          return new BenchHub(target, hub, phase -> { }, () -> deleteTree(dataDir));
        } catch (RuntimeException e) {
          deleteTree(dataDir);
          throw e;
        }
      }

      @Override
      public void close() {
        // each hub owns its directory
      }
    };
  }

  private static Path createDataDir() {
    try {
      return Files.createTempDirectory("admp-bench-sqlite-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a data directory for sqlite", e);
    }
  }

  static void deleteTree(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + root, e);
    }
  }
}
