package dev.admp.testkit.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A PostgreSQL server on a free local port, started from the {@code io.zonky.test} embedded
 * binaries. Each {@link #createDatabase()} gives a fresh database owned by a fresh role with a
 * password, so a test class never sees another's tables.
 *
 * <p>PostgreSQL refuses to run as root. The embedded binaries handle that themselves: when the
 * JVM runs as root and {@code unshare} is available (util-linux, present on Debian), every
 * PostgreSQL command runs under {@code unshare -U}, in a user namespace where it is an
 * unprivileged user that owns the data directory. Nothing else is needed on this machine or CI.
 *
 * <p>{@link #stop()} and {@link #restart()} stop and restart the same server (same port, same
 * data), which lets tests take the database away from a running hub and give it back.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {
  /** The superuser of the embedded cluster; it connects over trusted loopback only. */
  private static final String SUPERUSER = "postgres";

  private final Path dataDir;
  private final int port;
  private final Durability durability;
  private final AtomicInteger databases = new AtomicInteger();
  private EmbeddedPostgres running;

  /** Whether the server flushes to disk; tests do not need it and run faster without. */
  public enum Durability {
    /** {@code fsync=off}: fast, loses data only if the machine itself crashes. */
    NO_FSYNC,
    /** PostgreSQL's durable defaults, for benchmarks that compare with other durable stores. */
    FSYNC
  }

  private EmbeddedPostgresServer(Path dataDir, int port, Durability durability) {
    this.dataDir = dataDir;
    this.port = port;
    this.durability = durability;
  }

  /** Starts a server on a free port with a new, empty data directory. */
  public static EmbeddedPostgresServer start(Durability durability) {
    try {
      var server = new EmbeddedPostgresServer(Files.createTempDirectory("admp-pg-"), freePort(), durability);
      server.restart();
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare the embedded PostgreSQL", e);
    }
  }

  /** Starts a server without fsync, the right choice for tests. */
  public static EmbeddedPostgresServer start() {
    return start(Durability.NO_FSYNC);
  }

  /** Starts the server again after {@link #stop()}, on the same port and with the same data. */
  public synchronized void restart() {
    if (running != null) {
      return;
    }
    try {
      var builder = EmbeddedPostgres.builder()
          .setDataDirectory(dataDir.toFile())
          .setCleanDataDirectory(false)
          .setPort(port)
          .setDataDirectoryCustomizer(EmbeddedPostgresServer::requirePasswords)
          .setServerConfig("max_connections", "200")
          .setServerConfig("listen_addresses", "localhost");
      if (durability == Durability.NO_FSYNC) {
        builder.setServerConfig("fsync", "off")
            .setServerConfig("synchronous_commit", "off")
            .setServerConfig("full_page_writes", "off");
      }
      running = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("embedded PostgreSQL did not start on port " + port, e);
    }
  }

  /** Stops the server (fast shutdown: open sessions are ended); its data stays for {@link #restart()}. */
  public synchronized void stop() {
    if (running == null) {
      return;
    }
    try {
      running.close();
    } catch (IOException e) {
      throw new UncheckedIOException("embedded PostgreSQL did not stop", e);
    } finally {
      running = null;
    }
  }

  public int port() {
    return port;
  }

  /** Creates a new database, owned by a new role that logs in with a random password. */
  public PostgresDatabase createDatabase() {
    int n = databases.incrementAndGet();
    String name = "admp_" + ProcessHandle.current().pid() + "_" + n;
    String password = HexFormat.of().formatHex(new SecureRandom().generateSeed(12));
    try (Connection c = superuserConnection(); Statement s = c.createStatement()) {
      s.execute("CREATE ROLE " + name + " LOGIN PASSWORD '" + password + "'");
      s.execute("CREATE DATABASE " + name + " OWNER " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create database " + name, e);
    }
    return new PostgresDatabase(jdbcUrl(name), name, password, name);
  }

  /** A JDBC URL for the named database on this server. */
  public String jdbcUrl(String database) {
    return "jdbc:postgresql://localhost:" + port + "/" + database;
  }

  /** A superuser connection, for tests that need to look behind the store's back. */
  public synchronized Connection superuserConnection() throws SQLException {
    if (running == null) {
      throw new IllegalStateException("embedded PostgreSQL is stopped");
    }
    return running.getPostgresDatabase().getConnection();
  }

  /** Stops the server and deletes its data. */
  @Override
  public void close() {
    try {
      stop();
    } finally {
      deleteRecursively(dataDir);
    }
  }

  @Override
  public String toString() {
    return "EmbeddedPostgresServer[port=" + port + ", running=" + (running != null) + "]";
  }

  /** Loopback logins need a password, except the superuser's: a wrong password fails as it would in production. */
  private static void requirePasswords(File dataDir) {
    String hba = """
        local all all trust
        host all %1$s 127.0.0.1/32 trust
        host all %1$s ::1/128 trust
        host all all 127.0.0.1/32 scram-sha-256
        host all all ::1/128 scram-sha-256
        """.formatted(SUPERUSER);
    try {
      Files.writeString(dataDir.toPath().resolve("pg_hba.conf"), hba);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int freePort() throws IOException {
    try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + dir, e);
    }
  }
}
