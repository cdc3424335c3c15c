package dev.admp.store.jdbc;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import javax.sql.DataSource;

/** The driver's data source, counting the physical connections opened through it (the pool sits above). */
final class CountingDataSource implements DataSource {
  private final DataSource driver;
  private final AtomicLong opened;

  CountingDataSource(DataSource driver, AtomicLong opened) {
    this.driver = driver;
    this.opened = opened;
  }

  @Override
  public Connection getConnection() throws SQLException {
    Connection c = driver.getConnection();
    opened.incrementAndGet();
    return c;
  }

  @Override
  public Connection getConnection(String user, String password) throws SQLException {
    Connection c = driver.getConnection(user, password);
    opened.incrementAndGet();
    return c;
  }

  @Override
  public PrintWriter getLogWriter() throws SQLException {
    return driver.getLogWriter();
  }

  @Override
  public void setLogWriter(PrintWriter out) throws SQLException {
    driver.setLogWriter(out);
  }

  @Override
  public void setLoginTimeout(int seconds) throws SQLException {
    driver.setLoginTimeout(seconds);
  }

  @Override
  public int getLoginTimeout() throws SQLException {
    return driver.getLoginTimeout();
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    return driver.getParentLogger();
  }

  @Override
  public <T> T unwrap(Class<T> type) throws SQLException {
    return type.isInstance(driver) ? type.cast(driver) : driver.unwrap(type);
  }

  @Override
  public boolean isWrapperFor(Class<?> type) throws SQLException {
    return type.isInstance(driver) || driver.isWrapperFor(type);
  }
}
