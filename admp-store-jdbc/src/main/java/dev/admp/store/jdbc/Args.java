package dev.admp.store.jdbc;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Values for the named parameters of one {@link Sql} execution. */
final class Args {
  private record Null(int sqlType) {}

  private final Map<String, Object> values = new HashMap<>();

  static Args of() {
    return new Args();
  }

  Args text(String name, String value) {
    values.put(name, value == null ? new Null(Types.VARCHAR) : value);
    return this;
  }

  Args text(String name, Optional<String> value) {
    return text(name, value.orElse(null));
  }

  Args number(String name, long value) {
    values.put(name, value);
    return this;
  }

  /** An instant as epoch milliseconds, the schema's time unit. */
  Args millis(String name, Instant value) {
    return number(name, value.toEpochMilli());
  }

  Args bytes(String name, byte[] value) {
    values.put(name, value);
    return this;
  }

  void bind(PreparedStatement statement, Sql sql) throws SQLException {
    int index = 1;
    for (String name : sql.names()) {
      if (!values.containsKey(name)) {
        throw new IllegalArgumentException("no value for :" + name + " in " + sql.operation());
      }
      switch (values.get(name)) {
        case String s -> statement.setString(index, s);
        case Long l -> statement.setLong(index, l);
        case byte[] b -> statement.setBytes(index, b);
        case Null n -> statement.setNull(index, n.sqlType());
        default -> throw new IllegalStateException("unsupported value type for :" + name);
      }
      index++;
    }
  }
}
