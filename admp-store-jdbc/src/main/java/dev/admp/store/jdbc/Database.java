package dev.admp.store.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import dev.admp.store.StoreCounters;
import dev.admp.store.StoreException;
import dev.admp.store.StoreUnavailableException;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * The pools of one store and the only place that runs its statements: each execution is one
 * round trip, counted here, and every {@link SQLException} is translated here, once.
 *
 * <p>Writes and reads may use different pools: SQLite writes through its single writer
 * connection while readers run beside it (WAL); PostgreSQL uses one pool for both.
 */
final class Database implements AutoCloseable {
  /** PostgreSQL states that mean "the server is gone or refusing sessions", besides class 08. */
  private static final Set<String> UNAVAILABLE_STATES = Set.of(
      "57P01", // admin_shutdown
      "57P02", // crash_shutdown
      "57P03", // cannot_connect_now (starting up, recovering)
      "53300", // too_many_connections
      "57014"  // query_canceled: the statement timeout fired, the database is overloaded
  );

  /** Which pool a statement needs. */
  enum Access { READ, WRITE }

  @FunctionalInterface
  interface RowReader<T> {
    T read(ResultSet row) throws SQLException;
  }

  private final String name;
  private final HikariDataSource writer;
  private final HikariDataSource reader;
  private final AtomicLong roundTrips = new AtomicLong();
  private final AtomicLong connectionsOpened;

  Database(String name, HikariDataSource writer, HikariDataSource reader, AtomicLong connectionsOpened) {
    this.name = name;
    this.writer = writer;
    this.reader = reader;
    this.connectionsOpened = connectionsOpened;
  }

  /** Runs a statement that returns rows (a SELECT, or a write with RETURNING). */
  <T> List<T> query(Access access, Sql sql, Args args, RowReader<T> rows) {
    try (Connection c = pool(access).getConnection();
         PreparedStatement statement = c.prepareStatement(sql.jdbc())) {
      args.bind(statement, sql);
      roundTrips.incrementAndGet();
      // Every row is read before the statement closes: SQLite commits a RETURNING write only then.
      try (ResultSet rs = statement.executeQuery()) {
        var result = new ArrayList<T>();
        while (rs.next()) {
          result.add(rows.read(rs));
        }
        return result;
      }
    } catch (SQLException e) {
      throw translate(sql.operation(), e);
    }
  }

  /** Runs a write without RETURNING; the number of rows it changed. */
  int update(Sql sql, Args args) {
    try (Connection c = writer.getConnection();
         PreparedStatement statement = c.prepareStatement(sql.jdbc())) {
      args.bind(statement, sql);
      roundTrips.incrementAndGet();
      return statement.executeUpdate();
    } catch (SQLException e) {
      throw translate(sql.operation(), e);
    }
  }

  /**
   * Opens every pooled connection now, by holding as many as the pools allow at once, so that
   * no request of a warm hub waits for a new connection (the pools would otherwise fill in
   * the background).
   */
  void warmUp() {
    fill(writer);
    if (reader != writer) {
      fill(reader);
    }
  }

  private void fill(HikariDataSource pool) {
    var held = new ArrayList<Connection>();
    try {
      for (int i = 0; i < pool.getMaximumPoolSize(); i++) {
        held.add(pool.getConnection());
      }
    } catch (SQLException e) {
      throw translate("open connections", e);
    } finally {
      for (Connection c : held) {
        try {
          c.close();
        } catch (SQLException ignored) {
          // Returning a connection to the pool does not fail.
        }
      }
    }
  }

  StoreCounters counters() {
    return new StoreCounters(roundTrips.get(), connectionsOpened.get());
  }

  /** Counts a statement sent outside {@link #query}/{@link #update}, e.g. by the listener. */
  void countRoundTrip() {
    roundTrips.incrementAndGet();
  }

  RuntimeException translate(String operation, SQLException e) {
    if (isConnectionFailure(e)) {
      return new StoreUnavailableException(name + " is unavailable (" + operation + "): " + e.getMessage(), e);
    }
    return new StoreException(name + " statement failed (" + operation + "): " + e.getMessage(), e);
  }

  /** True when the database could not be reached, not when a statement was wrong. */
  static boolean isConnectionFailure(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SQLTransientConnectionException || t instanceof IOException) {
        return true;
      }
      if (t instanceof SQLiteException s) {
        SQLiteErrorCode code = s.getResultCode();
        if (code == SQLiteErrorCode.SQLITE_BUSY || code == SQLiteErrorCode.SQLITE_LOCKED) {
          return true;
        }
      }
      if (t instanceof SQLException s && s.getSQLState() != null
          && (s.getSQLState().startsWith("08") || UNAVAILABLE_STATES.contains(s.getSQLState()))) {
        return true;
      }
    }
    return false;
  }

  private HikariDataSource pool(Access access) {
    return access == Access.WRITE ? writer : reader;
  }

  @Override
  public void close() {
    if (reader != writer) {
      reader.close();
    }
    writer.close();
  }
}
