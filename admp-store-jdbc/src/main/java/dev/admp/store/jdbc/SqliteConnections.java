package dev.admp.store.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.util.concurrent.atomic.AtomicLong;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/** Opens the SQLite file: creates it and its schema on first start, with durable settings. */
final class SqliteConnections {
  private SqliteConnections() {}

  static Database open(SqliteSettings settings) throws IOException {
    Files.createDirectories(settings.dataDir());
    var config = new SQLiteConfig();
    // WAL lets readers run beside the writer; FULL syncs the WAL on every commit, so nothing
    // acknowledged to a client is lost if the process or the machine dies.
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
    config.setBusyTimeout((int) settings.busyTimeout().toMillis());
    var driver = new SQLiteDataSource(config);
    driver.setUrl("jdbc:sqlite:" + settings.file().toAbsolutePath());

    var opened = new AtomicLong();
    var counted = new CountingDataSource(driver, opened);
    Migrations.migrate(counted, SqlDialect.SQLITE);

    // One writer: SQLite allows one writing transaction at a time, and a single connection
    // queues writers in the pool instead of failing them with "database is locked".
    HikariDataSource writer = pool(counted, "admp-sqlite-writer", 1, settings);
    HikariDataSource readers;
    try {
      readers = pool(counted, "admp-sqlite-reader", settings.readers(), settings);
    } catch (RuntimeException e) {
      writer.close();
      throw e;
    }
    var database = new Database(SqlDialect.SQLITE.storeName(), writer, readers, opened);
    try {
      database.warmUp();
    } catch (RuntimeException e) {
      database.close();
      throw e;
    }
    return database;
  }

  private static HikariDataSource pool(CountingDataSource source, String name, int size, SqliteSettings settings) {
    var hikari = new HikariConfig();
    hikari.setPoolName(name);
    hikari.setDataSource(source);
    hikari.setMaximumPoolSize(size);
    hikari.setMinimumIdle(size);
    hikari.setConnectionTimeout(settings.writerTimeout().toMillis());
    hikari.setAutoCommit(true);
    return new HikariDataSource(hikari);
  }
}
