package dev.admp.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AdmpConfigTest {

  @Test
  void emptyEnvironmentGivesTheDocumentedDefaults() {
    AdmpConfig config = AdmpConfig.fromEnv(Map.of());

    assertThat(config.http()).isEqualTo(new HttpConfig(8080, 1024 * 1024));
    assertThat(config.auth()).isEqualTo(new AuthConfig(AuthMode.SIGNATURE, Optional.empty()));
    assertThat(config.store()).isEqualTo(new StoreConfig.Sqlite(Path.of("./data")));
    assertThat(config.agents()).isEqualTo(new AgentConfig(Duration.ofMinutes(1), Duration.ofMinutes(5)));
    assertThat(config.messages()).isEqualTo(new MessageConfig(Duration.ofDays(1), Duration.ofDays(14), 10));
    assertThat(config.sweep()).isEqualTo(new SweepConfig(Duration.ofMinutes(1), Duration.ofHours(1)));
    assertThat(config.webhooks()).isEqualTo(new WebhookConfig(Duration.ofSeconds(10), 3, Duration.ofSeconds(1)));
  }

  @Test
  void everyVariableIsRead() {
    AdmpConfig config = AdmpConfig.fromEnv(Map.ofEntries(
        Map.entry("PORT", "9090"), Map.entry("MAX_BODY_BYTES", "2048"), Map.entry("AUTH_MODE", "legacy"),
        Map.entry("API_KEY_REQUIRED", "true"), Map.entry("MASTER_API_KEY", "op-key"),
        Map.entry("HEARTBEAT_INTERVAL_MS", "2000"), Map.entry("HEARTBEAT_TIMEOUT_MS", "9000"),
        Map.entry("MESSAGE_TTL_SEC", "60"), Map.entry("MAX_TTL_SEC", "120"), Map.entry("MAX_ATTEMPTS", "4"),
        Map.entry("CLEANUP_INTERVAL_MS", "500"), Map.entry("RETENTION_SEC", "0"),
        Map.entry("STORAGE_BACKEND", "SQLite"), Map.entry("DATA_DIR", "/var/lib/admp")));

    assertThat(config.http()).isEqualTo(new HttpConfig(9090, 2048));
    assertThat(config.auth().mode()).isEqualTo(AuthMode.LEGACY);
    assertThat(config.auth().operatorKey()).contains(new Secret("op-key"));
    assertThat(config.agents()).isEqualTo(new AgentConfig(Duration.ofSeconds(2), Duration.ofSeconds(9)));
    assertThat(config.messages()).isEqualTo(new MessageConfig(Duration.ofMinutes(1), Duration.ofMinutes(2), 4));
    assertThat(config.sweep()).isEqualTo(new SweepConfig(Duration.ofMillis(500), Duration.ZERO));
    assertThat(config.store()).isEqualTo(new StoreConfig.Sqlite(Path.of("/var/lib/admp")));
  }

  @Test
  void blankValuesCountAsUnset() {
    AdmpConfig config = AdmpConfig.fromEnv(Map.of("PORT", "", "STORAGE_BACKEND", "  ", "AUTH_MODE", ""));

    assertThat(config.http().port()).isEqualTo(8080);
    assertThat(config.store()).isEqualTo(new StoreConfig.Sqlite(Path.of("./data")));
    assertThat(config.auth().mode()).isEqualTo(AuthMode.SIGNATURE);
  }

  @Test
  void sqliteDataDirDefaultsToDotData() {
    assertThat(AdmpConfig.fromEnv(Map.of("STORAGE_BACKEND", "sqlite")).store())
        .isEqualTo(new StoreConfig.Sqlite(Path.of("./data")));
  }

  static Stream<Arguments> badValues() {
    return Stream.of(
        Arguments.of("PORT", "abc", "PORT must be 1-65535, was 'abc'"),
        Arguments.of("PORT", "0", "PORT must be 1-65535, was '0'"),
        Arguments.of("PORT", "65536", "PORT must be 1-65535, was '65536'"),
        Arguments.of("MAX_BODY_BYTES", "1MB", "MAX_BODY_BYTES must be 1024-1073741824, was '1MB'"),
        Arguments.of("STORAGE_BACKEND", "redis", "STORAGE_BACKEND must be one of memory, sqlite, postgres, mech, was 'redis'"),
        Arguments.of("AUTH_MODE", "none", "AUTH_MODE must be one of signature, legacy, was 'none'"),
        Arguments.of("API_KEY_REQUIRED", "maybe", "API_KEY_REQUIRED must be true or false, was 'maybe'"),
        Arguments.of("CLEANUP_INTERVAL_MS", "-1", "CLEANUP_INTERVAL_MS must be 100-86400000, was '-1'"),
        Arguments.of("HEARTBEAT_INTERVAL_MS", "1.5", "HEARTBEAT_INTERVAL_MS must be 1000-86400000, was '1.5'"),
        Arguments.of("HEARTBEAT_TIMEOUT_MS", "soon", "HEARTBEAT_TIMEOUT_MS must be 1000-604800000, was 'soon'"),
        Arguments.of("MESSAGE_TTL_SEC", "0", "MESSAGE_TTL_SEC must be 1-31536000, was '0'"),
        Arguments.of("MAX_TTL_SEC", "99999999999999999999", "MAX_TTL_SEC must be 1-31536000, was '99999999999999999999'"),
        Arguments.of("MAX_ATTEMPTS", "0", "MAX_ATTEMPTS must be 1-1000, was '0'"),
        Arguments.of("RETENTION_SEC", "-5", "RETENTION_SEC must be 0-31536000, was '-5'"),
        Arguments.of("MESSAGE_TTL_SEC", "1209601", "MESSAGE_TTL_SEC must not exceed MAX_TTL_SEC (1209600), was '1209601'"));
  }

  @ParameterizedTest(name = "{0}={1}")
  @MethodSource("badValues")
  void aBadValueIsNamedOnOneLine(String name, String value, String line) {
    assertThatThrownBy(() -> AdmpConfig.fromEnv(Map.of(name, value)))
        .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).containsExactly(line));
  }

  @Test
  void everyProblemIsListedAtOnce() {
    Map<String, String> env = Map.of("PORT", "abc", "MAX_ATTEMPTS", "x", "AUTH_MODE", "open",
        "STORAGE_BACKEND", "postgres", "API_KEY_REQUIRED", "true");

    assertThatThrownBy(() -> AdmpConfig.fromEnv(env))
        .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).containsExactlyInAnyOrder(
            "PORT must be 1-65535, was 'abc'",
            "MAX_ATTEMPTS must be 1-1000, was 'x'",
            "AUTH_MODE must be one of signature, legacy, was 'open'",
            "DATABASE_URL is required when STORAGE_BACKEND=postgres",
            "MASTER_API_KEY is required when API_KEY_REQUIRED=true"));
  }

  @Test
  void controlCharactersInABadValueAreEscaped() {
    assertThatThrownBy(() -> AdmpConfig.fromEnv(Map.of("PORT", "80\n80")))
        .hasMessage("PORT must be 1-65535, was '80\\u000a80'");
  }

  @Test
  void postgresUrlIsTranslatedToJdbcWithDecodedCredentials() {
    StoreConfig store = AdmpConfig.fromEnv(Map.of("STORAGE_BACKEND", "postgres",
        "DATABASE_URL", "postgres://admp:p%40ss+w0rd@db.example:6543/hub?sslmode=require")).store();

    assertThat(store).isInstanceOfSatisfying(StoreConfig.Postgres.class, pg -> {
      assertThat(pg.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example:6543/hub?sslmode=require");
      assertThat(pg.user()).contains("admp");
      assertThat(pg.password()).contains(new Secret("p@ss+w0rd"));
      assertThat(pg.poolSize()).isEqualTo(10);
      assertThat(pg.statementTimeout()).isEqualTo(Duration.ofSeconds(10));
      assertThat(pg.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
    });
  }

  @Test
  void postgresUrlWithoutPortUsesTheDefaultPort() {
    StoreConfig store = AdmpConfig.fromEnv(Map.of("STORAGE_BACKEND", "postgres",
        "DATABASE_URL", "postgresql://localhost/hub")).store();

    assertThat(((StoreConfig.Postgres) store).jdbcUrl()).isEqualTo("jdbc:postgresql://localhost:5432/hub");
    assertThat(((StoreConfig.Postgres) store).user()).isEmpty();
  }

  @Test
  void jdbcUrlIsUsedAsIs() {
    String url = "jdbc:postgresql://localhost:5432/hub?user=admp&password=hunter2";
    StoreConfig store = AdmpConfig.fromEnv(Map.of("STORAGE_BACKEND", "postgres", "DATABASE_URL", url,
        "DATABASE_POOL_SIZE", "3")).store();

    assertThat(store).isInstanceOfSatisfying(StoreConfig.Postgres.class, pg -> {
      assertThat(pg.jdbcUrl()).isEqualTo(url);
      assertThat(pg.poolSize()).isEqualTo(3);
    });
  }

  @Test
  void malformedDatabaseUrlIsReportedWithoutEchoingIt() {
    assertThatThrownBy(() -> AdmpConfig.fromEnv(Map.of("STORAGE_BACKEND", "postgres",
        "DATABASE_URL", "mysql://root:hunter2@db/hub")))
        .isInstanceOfSatisfying(ConfigException.class, e -> {
          assertThat(e.problems()).singleElement().asString().startsWith("DATABASE_URL must be");
          assertThat(e.getMessage()).doesNotContain("hunter2");
        });
  }

  @Test
  void mechNeedsItsUrlAppAndKey() {
    assertThatThrownBy(() -> AdmpConfig.fromEnv(Map.of("STORAGE_BACKEND", "mech")))
        .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).containsExactlyInAnyOrder(
            "MECH_BASE_URL is required when STORAGE_BACKEND=mech",
            "MECH_APP_ID is required when STORAGE_BACKEND=mech",
            "MECH_API_KEY is required when STORAGE_BACKEND=mech"));
  }

  @Test
  void mechSettingsAreRead(@TempDir Path dir) throws Exception {
    Path ca = Files.writeString(dir.resolve("ca.pem"), "-----BEGIN CERTIFICATE-----\n");
    StoreConfig store = AdmpConfig.fromEnv(Map.of("STORAGE_BACKEND", "mech",
        "MECH_BASE_URL", "https://mech.example/", "MECH_APP_ID", "app-1", "MECH_API_KEY", "mk",
        "MECH_CAPABILITIES", "filter, batch,return_document", "MECH_CA_FILE", ca.toString())).store();

    assertThat(store).isInstanceOfSatisfying(StoreConfig.Mech.class, mech -> {
      assertThat(mech.baseUrl()).hasToString("https://mech.example/");
      assertThat(mech.appId()).isEqualTo("app-1");
      assertThat(mech.apiKey()).isEqualTo(new Secret("mk"));
      assertThat(mech.capabilities()).containsExactlyInAnyOrder("filter", "batch", "return_document");
      assertThat(mech.caFile()).contains(ca);
      assertThat(mech.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
      assertThat(mech.requestTimeout()).isEqualTo(Duration.ofSeconds(10));
    });
  }

  @Test
  void badMechValuesAreEachNamed() {
    Map<String, String> env = Map.of("STORAGE_BACKEND", "mech", "MECH_BASE_URL", "mech.example",
        "MECH_APP_ID", "app/1", "MECH_API_KEY", "mk", "MECH_CAPABILITIES", "filter,teleport",
        "MECH_CA_FILE", "/nonexistent/ca.pem", "MECH_REQUEST_TIMEOUT_MS", "0");

    assertThatThrownBy(() -> AdmpConfig.fromEnv(env))
        .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).containsExactlyInAnyOrder(
            "MECH_BASE_URL must be an absolute http(s) URL without user info, was 'mech.example'",
            "MECH_APP_ID must match [A-Za-z0-9._-]{1,128}, was 'app/1'",
            "MECH_CAPABILITIES must be a comma-separated list of [batch, filter, offset, return_document], was 'filter,teleport'",
            "MECH_CA_FILE must be a readable PEM file, was '/nonexistent/ca.pem'",
            "MECH_REQUEST_TIMEOUT_MS must be 100-600000, was '0'"));
  }

  @Test
  void apiKeyIsOnlyRequiredWhenAskedFor() {
    assertThat(AdmpConfig.fromEnv(Map.of("MASTER_API_KEY", "k")).auth().operatorKey()).isEmpty();
    assertThat(AdmpConfig.fromEnv(Map.of("MASTER_API_KEY", "k", "API_KEY_REQUIRED", "false")).auth().operatorKey())
        .isEmpty();
  }

  @Test
  void redactedFormAndToStringHoldNoSecret() {
    Map<String, String> pg = new HashMap<>(Map.of("API_KEY_REQUIRED", "true", "MASTER_API_KEY", "master-s3cret",
        "STORAGE_BACKEND", "postgres", "DATABASE_URL", "postgres://admp:db-s3cret@db:5432/hub"));
    Map<String, String> jdbc = new HashMap<>(pg);
    jdbc.put("DATABASE_URL", "jdbc:postgresql://db/hub?user=admp&password=db-s3cret&ssl=true");
    Map<String, String> mech = Map.of("API_KEY_REQUIRED", "true", "MASTER_API_KEY", "master-s3cret",
        "STORAGE_BACKEND", "mech", "MECH_BASE_URL", "https://mech.example", "MECH_APP_ID", "app",
        "MECH_API_KEY", "mech-s3cret");

    for (Map<String, String> env : List.of(pg, jdbc, mech)) {
      AdmpConfig config = AdmpConfig.fromEnv(env);
      assertThat(List.of(config.redacted(), config.toString(), config.store().toString(), config.auth().toString()))
          .allSatisfy(text -> assertThat(text).doesNotContain("s3cret"));
    }
    assertThat(AdmpConfig.fromEnv(jdbc).redacted()).contains("password=<redacted>&ssl=true");
    assertThat(AdmpConfig.fromEnv(pg).redacted()).contains("storage=postgres(", "user=admp", "api_key_required=true");
  }

  @Test
  void secretComparesByValue() {
    Secret secret = new Secret("abc");

    assertThat(secret.matches("abc")).isTrue();
    assertThat(secret.matches("abd")).isFalse();
    assertThat(secret.matches("abcd")).isFalse();
    assertThat(secret.matches(null)).isFalse();
    assertThat(secret).hasToString("<redacted>");
  }

  @Test
  void portZeroIsAllowedInCodeForTests() {
    assertThat(AdmpConfig.fromEnv(Map.of()).withPort(0).http().port()).isZero();
  }
}
