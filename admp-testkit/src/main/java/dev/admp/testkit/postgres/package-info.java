/**
 * A real PostgreSQL for tests and benchmarks, started in-process from the embedded binaries:
 * no Docker, no network, and it runs as root (through a user namespace).
 */
package dev.admp.testkit.postgres;
