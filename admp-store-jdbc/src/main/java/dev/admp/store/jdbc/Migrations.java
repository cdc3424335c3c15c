package dev.admp.store.jdbc;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** Brings the schema to the current version; several nodes starting at once are serialised by Flyway's lock. */
final class Migrations {
  private Migrations() {}

  static void migrate(DataSource dataSource, SqlDialect dialect) {
    Flyway.configure()
        .dataSource(dataSource)
        .locations(dialect.migrations())
        .table("admp_schema_history")
        .load()
        .migrate();
  }
}
