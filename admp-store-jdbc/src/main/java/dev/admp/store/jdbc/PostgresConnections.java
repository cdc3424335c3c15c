package dev.admp.store.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/** Connects to PostgreSQL, brings its schema up to date and opens the pool. */
final class PostgresConnections {
  private PostgresConnections() {}

  private enum Purpose { STATEMENTS, LISTENER }

  /** The opened database and the source of the listener's dedicated connection. */
  record Opened(Database database, DataSource listenerSource) {}

  static Opened open(PostgresSettings settings) {
    var opened = new AtomicLong();
    var statements = new CountingDataSource(driver(settings, Purpose.STATEMENTS), opened);
    Migrations.migrate(statements, SqlDialect.POSTGRES);

    var hikari = new HikariConfig();
    hikari.setPoolName("admp-postgres");
    hikari.setDataSource(statements);
    hikari.setMaximumPoolSize(settings.poolSize());
    hikari.setMinimumIdle(settings.poolSize());
    hikari.setConnectionTimeout(settings.connectionTimeout().toMillis());
    // Hikari wants the validation timeout below the connection timeout, and at least 250 ms.
    hikari.setValidationTimeout(Math.max(250, Math.min(settings.connectionTimeout().toMillis() / 2, 5_000)));
    hikari.setAutoCommit(true);
    var pool = new HikariDataSource(hikari);
    var database = new Database(SqlDialect.POSTGRES.storeName(), pool, pool, opened);
    try {
      database.warmUp();
    } catch (RuntimeException e) {
      database.close();
      throw e;
    }
    return new Opened(database, new CountingDataSource(driver(settings, Purpose.LISTENER), opened));
  }

  /**
   * A connection source. Statement connections get a socket timeout beyond the statement
   * timeout, so a vanished server fails a request instead of hanging it; the listener's
   * connection idles by design and relies on TCP keep-alive instead.
   */
  private static PGSimpleDataSource driver(PostgresSettings settings, Purpose purpose) {
    var ds = new PGSimpleDataSource();
    ds.setUrl(settings.jdbcUrl());
    if (!settings.user().isEmpty()) {
      ds.setUser(settings.user());
    }
    if (!settings.password().isEmpty()) {
      ds.setPassword(settings.password());
    }
    ds.setApplicationName("admp-hub");
    ds.setConnectTimeout(seconds(settings.connectionTimeout().toMillis()));
    ds.setTcpKeepAlive(true);
    // Server error details can quote whole rows (envelopes); keep them out of exceptions and logs.
    ds.setLogServerErrorDetail(false);
    if (purpose == Purpose.STATEMENTS) {
      ds.setOptions("-c statement_timeout=" + settings.statementTimeout().toMillis());
      ds.setSocketTimeout(seconds(settings.statementTimeout().toMillis()) + 5);
    }
    return ds;
  }

  private static int seconds(long millis) {
    return (int) Math.max(1, (millis + 999) / 1000);
  }
}
