/**
 * The SQL store: one implementation of the storage SPI for SQLite (embedded, the default) and
 * PostgreSQL (many hub nodes), with a small {@link dev.admp.store.jdbc.SqlDialect} seam. Every
 * verb is one SQL statement; schema upgrades are Flyway migrations per dialect.
 */
package dev.admp.store.jdbc;
