package dev.admp.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PostgresSettingsTest {
  @Test
  void postgresUrlMovesCredentialsOutOfTheUrl() {
    PostgresSettings s = PostgresSettings.fromDatabaseUrl("postgres://admp:p%40ss@db.example:6543/hub?sslmode=require");

    assertThat(s.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example:6543/hub?sslmode=require");
    assertThat(s.user()).isEqualTo("admp");
    assertThat(s.password()).isEqualTo("p@ss");
  }

  @Test
  void postgresqlSchemeAndMissingPortAreAccepted() {
    PostgresSettings s = PostgresSettings.fromDatabaseUrl("postgresql://admp@localhost/hub");

    assertThat(s.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost/hub");
    assertThat(s.user()).isEqualTo("admp");
    assertThat(s.password()).isEmpty();
  }

  @Test
  void jdbcUrlCredentialParametersAreMovedOutAndOthersKept() {
    PostgresSettings s = PostgresSettings.fromDatabaseUrl(
        "jdbc:postgresql://localhost:5432/hub?user=admp&ssl=true&password=secret");

    assertThat(s.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost:5432/hub?ssl=true");
    assertThat(s.user()).isEqualTo("admp");
    assertThat(s.password()).isEqualTo("secret");
  }

  @Test
  void credentialsInTheUrlOfAnExplicitJdbcUrlMoveOutUnlessGivenSeparately() {
    PostgresSettings s = PostgresSettings.of("jdbc:postgresql://localhost/hub?password=inurl&user=u1", "u2", "");

    assertThat(s.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost/hub");
    assertThat(s.user()).isEqualTo("u2");
    assertThat(s.password()).isEqualTo("inurl");
    assertThat(s.redactedUrl()).doesNotContain("inurl");
  }

  @Test
  void plainJdbcUrlHasDriverDefaultCredentials() {
    PostgresSettings s = PostgresSettings.fromDatabaseUrl("jdbc:postgresql://localhost/hub");

    assertThat(s.user()).isEmpty();
    assertThat(s.password()).isEmpty();
    assertThat(s.poolSize()).isEqualTo(10);
  }

  @Test
  void otherSchemesAreRefusedWithoutEchoingTheUrl() {
    assertThatThrownBy(() -> PostgresSettings.fromDatabaseUrl("mysql://root:topsecret@localhost/hub"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("DATABASE_URL")
        .hasMessageNotContaining("topsecret");
  }

  @Test
  void toStringAndRedactedUrlHideThePassword() {
    PostgresSettings s = PostgresSettings.fromDatabaseUrl("postgres://admp:topsecret@localhost:5432/hub");

    assertThat(s.toString()).doesNotContain("topsecret").contains("<redacted>");
    assertThat(s.redactedUrl()).isEqualTo("jdbc:postgresql://localhost:5432/hub (user admp)");
  }

  @Test
  void badTuningIsRefused() {
    PostgresSettings s = PostgresSettings.of("jdbc:postgresql://localhost/hub", "", "");
    assertThatThrownBy(() -> s.withPoolSize(0)).hasMessageContaining("pool size");
    assertThatThrownBy(() -> s.withStatementTimeout(Duration.ZERO)).hasMessageContaining("statement timeout");
    assertThatThrownBy(() -> s.withConnectionTimeout(Duration.ofSeconds(-1))).hasMessageContaining("connection timeout");
  }
}
