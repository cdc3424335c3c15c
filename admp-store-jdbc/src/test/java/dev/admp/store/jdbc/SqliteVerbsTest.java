package dev.admp.store.jdbc;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class SqliteVerbsTest extends StoreVerbsTest {
  @TempDir
  Path dataDir;

  @Override
  protected JdbcStore openStore() {
    return JdbcStore.sqlite(dataDir);
  }

  @Override
  protected JdbcStore openSecondStoreOnSameDatabase() {
    return JdbcStore.sqlite(dataDir);
  }

  @Override
  protected String expectedName() {
    return "sqlite";
  }
}
