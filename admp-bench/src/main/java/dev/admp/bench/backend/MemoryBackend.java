package dev.admp.bench.backend;

import dev.admp.bench.report.Target;
import java.util.Map;

/** The in-memory store: the baseline every ratio is taken against. */
final class MemoryBackend implements Backend {
  @Override
  public String name() {
    return "memory";
  }

  @Override
  public Session open(HubLauncher launcher) {
    return new Session() {
      @Override
      public BenchHub start(Target target) {
        RunningHub hub = launcher.launch(Map.of("STORAGE_BACKEND", "memory"));
        return new BenchHub(target, hub, phase -> { }, () -> { });
      }

      @Override
      public void close() {
        // nothing shared
      }
    };
  }
}
