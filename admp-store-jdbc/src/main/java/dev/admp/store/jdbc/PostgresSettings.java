package dev.admp.store.jdbc;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The PostgreSQL store. The password never appears in {@link #toString()} or {@link #redactedUrl()}.
 *
 * @param jdbcUrl {@code jdbc:postgresql://host:port/db[?params]}, without credentials
 * @param user the role; empty for the driver's default
 * @param password the role's password; empty for none
 * @param poolSize connections per hub node (fixed: the pool opens them all at start)
 * @param connectionTimeout how long to wait for a connection (from the pool, or a new one) before
 *     the store reports itself unavailable
 * @param statementTimeout the server cancels a statement running longer (the store then reports itself unavailable)
 * @param agentCache the agent cache
 */
public record PostgresSettings(String jdbcUrl, String user, String password, int poolSize,
    Duration connectionTimeout, Duration statementTimeout, AgentCacheSettings agentCache) {
  private static final String JDBC_PREFIX = "jdbc:postgresql:";
  private static final Pattern PASSWORD_PARAM = Pattern.compile("(?i)(password=)[^&]*");

  public PostgresSettings {
    Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(password, "password");
    Objects.requireNonNull(agentCache, "agentCache");
    if (!jdbcUrl.startsWith(JDBC_PREFIX)) {
      throw new IllegalArgumentException("the PostgreSQL URL must start with " + JDBC_PREFIX);
    }
    if (poolSize < 1) {
      throw new IllegalArgumentException("pool size must be at least 1, was " + poolSize);
    }
    SqliteSettings.requirePositive("connection timeout", connectionTimeout);
    SqliteSettings.requirePositive("statement timeout", statementTimeout);
  }

  /**
   * The defaults: 10 connections, 5 s to get one, 10 s per statement. {@code user=} and
   * {@code password=} parameters of the URL move out of it when {@code user} or
   * {@code password} is empty, so the URL can be logged.
   */
  public static PostgresSettings of(String jdbcUrl, String user, String password) {
    PostgresSettings fromUrl = fromJdbc(jdbcUrl);
    return withDefaults(fromUrl.jdbcUrl, user.isEmpty() ? fromUrl.user : user,
        password.isEmpty() ? fromUrl.password : password);
  }

  private static PostgresSettings withDefaults(String jdbcUrl, String user, String password) {
    return new PostgresSettings(jdbcUrl, user, password, 10, Duration.ofSeconds(5), Duration.ofSeconds(10),
        AgentCacheSettings.DEFAULT);
  }

  /**
   * Reads {@code DATABASE_URL} in either accepted form, with the defaults for everything else:
   * {@code postgres://user:pass@host:port/db[?params]} (also {@code postgresql://}), or
   * {@code jdbc:postgresql://host:port/db[?user=..&password=..&params]}. Credentials move out
   * of the URL into {@link #user()} and {@link #password()}.
   *
   * @throws IllegalArgumentException naming the problem; the message never contains the password
   */
  public static PostgresSettings fromDatabaseUrl(String databaseUrl) {
    Objects.requireNonNull(databaseUrl, "databaseUrl");
    String url = databaseUrl.strip();
    if (url.startsWith("postgres://") || url.startsWith("postgresql://")) {
      return fromUri(url);
    }
    if (url.startsWith(JDBC_PREFIX)) {
      return of(url, "", "");
    }
    throw new IllegalArgumentException(
        "DATABASE_URL must be postgres://user:pass@host:port/db or jdbc:postgresql://host:port/db");
  }

  public PostgresSettings withPoolSize(int size) {
    return new PostgresSettings(jdbcUrl, user, password, size, connectionTimeout, statementTimeout, agentCache);
  }

  public PostgresSettings withConnectionTimeout(Duration timeout) {
    return new PostgresSettings(jdbcUrl, user, password, poolSize, timeout, statementTimeout, agentCache);
  }

  public PostgresSettings withStatementTimeout(Duration timeout) {
    return new PostgresSettings(jdbcUrl, user, password, poolSize, connectionTimeout, timeout, agentCache);
  }

  public PostgresSettings withAgentCache(AgentCacheSettings cache) {
    return new PostgresSettings(jdbcUrl, user, password, poolSize, connectionTimeout, statementTimeout, cache);
  }

  /** The URL and user for logs and errors: {@code jdbc:postgresql://host:5432/db (user admp)}. */
  public String redactedUrl() {
    return PASSWORD_PARAM.matcher(jdbcUrl).replaceAll("$1<redacted>") + (user.isEmpty() ? "" : " (user " + user + ")");
  }

  @Override
  public String toString() {
    return "PostgresSettings[url=" + redactedUrl() + ", password=" + (password.isEmpty() ? "none" : "<redacted>")
        + ", poolSize=" + poolSize + ", connectionTimeout=" + connectionTimeout
        + ", statementTimeout=" + statementTimeout + ", agentCache=" + agentCache + "]";
  }

  private static PostgresSettings fromUri(String url) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("DATABASE_URL is not a valid URL (" + e.getReason() + ")");
    }
    if (uri.getHost() == null) {
      throw new IllegalArgumentException("DATABASE_URL has no host");
    }
    String user = "";
    String password = "";
    String userInfo = uri.getRawUserInfo();
    if (userInfo != null) {
      int colon = userInfo.indexOf(':');
      user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
      password = colon < 0 ? "" : decode(userInfo.substring(colon + 1));
    }
    String host = uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    String path = uri.getRawPath() == null ? "/" : uri.getRawPath();
    String jdbc = JDBC_PREFIX + "//" + host + path + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    return of(jdbc, user, password);
  }

  /** Moves {@code user=} and {@code password=} query parameters out of a JDBC URL. */
  private static PostgresSettings fromJdbc(String url) {
    int q = url.indexOf('?');
    if (q < 0) {
      return withDefaults(url, "", "");
    }
    String user = "";
    String password = "";
    List<String> kept = new ArrayList<>();
    for (String param : url.substring(q + 1).split("&")) {
      if (param.startsWith("user=")) {
        user = decode(param.substring(5));
      } else if (param.startsWith("password=")) {
        password = decode(param.substring(9));
      } else if (!param.isEmpty()) {
        kept.add(param);
      }
    }
    String base = url.substring(0, q) + (kept.isEmpty() ? "" : "?" + String.join("&", kept));
    return withDefaults(base, user, password);
  }

  private static String decode(String s) {
    return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
  }
}
