package dev.admp.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SqlTest {
  @Test
  void namedParametersBecomePositionalInOrderEvenWhenRepeated() {
    Sql sql = Sql.of("op", "UPDATE t SET a = :now, b = :now WHERE id = :id");

    assertThat(sql.jdbc()).isEqualTo("UPDATE t SET a = ?, b = ? WHERE id = ?");
    assertThat(sql.names()).containsExactly("now", "now", "id");
  }

  @Test
  void castsAndQuotedColonsAreLeftAlone() {
    Sql sql = Sql.of("op", "SELECT :x::text, 'a:b' FROM t WHERE s = 'queued' AND y = :y_2");

    assertThat(sql.jdbc()).isEqualTo("SELECT ?::text, 'a:b' FROM t WHERE s = 'queued' AND y = ?");
    assertThat(sql.names()).containsExactly("x", "y_2");
  }
}
