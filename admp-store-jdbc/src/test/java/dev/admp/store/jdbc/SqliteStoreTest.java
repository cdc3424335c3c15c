package dev.admp.store.jdbc;

import dev.admp.store.Store;
import dev.admp.store.StoreContractTest;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The storage contract, round-trip budget included, on a fresh SQLite file per test. */
class SqliteStoreTest extends StoreContractTest {
  @TempDir
  Path dataDir;

  @Override
  protected Store createStore() {
    return JdbcStore.sqlite(dataDir);
  }
}
