package dev.admp.server.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * {@code DATABASE_URL} in either of its two spellings: the {@code postgres://user:pass@host:port/db}
 * form that hosting platforms hand out, or a {@code jdbc:postgresql:} URL used as is.
 */
record DatabaseUrl(String jdbcUrl, Optional<String> user, Optional<Secret> password) {
  private static final int DEFAULT_PORT = 5432;

  /** Empty when the value is neither form; the caller reports it without echoing it (it may hold a password). */
  static Optional<DatabaseUrl> parse(String value) {
    if (value.startsWith("jdbc:postgresql:")) {
      return value.length() > "jdbc:postgresql:".length()
          ? Optional.of(new DatabaseUrl(value, Optional.empty(), Optional.empty()))
          : Optional.empty();
    }
    if (!value.startsWith("postgres://") && !value.startsWith("postgresql://")) {
      return Optional.empty();
    }
    URI uri;
    try {
      uri = new URI(value);
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
    String database = uri.getRawPath() == null ? "" : uri.getRawPath().replaceFirst("^/", "");
    if (uri.getHost() == null || database.isEmpty() || database.contains("/")) {
      return Optional.empty();
    }
    int port = uri.getPort() == -1 ? DEFAULT_PORT : uri.getPort();
    String jdbc = "jdbc:postgresql://" + uri.getHost() + ":" + port + "/" + database
        + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    Optional<String> user = Optional.empty();
    Optional<Secret> password = Optional.empty();
    String userInfo = uri.getRawUserInfo();
    if (userInfo != null && !userInfo.isEmpty()) {
      int colon = userInfo.indexOf(':');
      String rawUser = colon < 0 ? userInfo : userInfo.substring(0, colon);
      if (!rawUser.isEmpty()) {
        user = Optional.of(decode(rawUser));
      }
      if (colon >= 0 && colon < userInfo.length() - 1) {
        password = Optional.of(new Secret(decode(userInfo.substring(colon + 1))));
      }
    }
    return Optional.of(new DatabaseUrl(jdbc, user, password));
  }

  private static String decode(String s) {
    // URLDecoder turns '+' into a space, which is form encoding, not URI user info.
    return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return "DatabaseUrl[" + jdbcUrl.replaceAll("(?i)(password=)[^&]*", "$1<redacted>") + "]";
  }
}
