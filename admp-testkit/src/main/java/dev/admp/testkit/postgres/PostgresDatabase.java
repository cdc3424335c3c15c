package dev.admp.testkit.postgres;

import java.util.Objects;

/**
 * How to reach one database of an {@link EmbeddedPostgresServer}: a JDBC URL and the credentials
 * of the role that owns the database. The password never appears in {@link #toString()}.
 *
 * @param jdbcUrl {@code jdbc:postgresql://localhost:<port>/<name>}
 * @param user the owning role; it logs in with {@code password} (SCRAM), as on a real server
 * @param password that role's password
 * @param name the database name
 */
public record PostgresDatabase(String jdbcUrl, String user, String password, String name) {
  public PostgresDatabase {
    Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(password, "password");
    Objects.requireNonNull(name, "name");
  }

  @Override
  public String toString() {
    return "PostgresDatabase[jdbcUrl=" + jdbcUrl + ", user=" + user + ", password=<redacted>]";
  }
}
