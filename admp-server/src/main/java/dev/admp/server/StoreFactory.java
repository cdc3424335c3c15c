package dev.admp.server;

import dev.admp.server.config.ConfigException;
import dev.admp.server.config.StoreConfig;
import dev.admp.store.Store;
import dev.admp.store.memory.InMemoryStore;
import java.util.List;

/** Opens the configured storage backend; the only place that knows every backend. */
final class StoreFactory {
  private StoreFactory() {}

  static Store open(StoreConfig config) {
    return switch (config) {
      case StoreConfig.Memory memory -> new InMemoryStore();
      case StoreConfig.Sqlite sqlite -> throw notInThisBuild(config);
      case StoreConfig.Postgres postgres -> throw notInThisBuild(config);
      case StoreConfig.Mech mech -> MechBackend.open(mech);
    };
  }

  private static ConfigException notInThisBuild(StoreConfig config) {
    return new ConfigException(List.of("STORAGE_BACKEND=" + config.backend() + " is not available in this build"));
  }
}
