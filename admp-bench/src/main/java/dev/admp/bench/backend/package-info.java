/**
 * The hubs the benchmark measures: one {@link dev.admp.bench.backend.Backend} per storage backend
 * starts hubs in-process on ephemeral ports, with whatever the backend needs around them (a data
 * directory, an embedded PostgreSQL, the Mech emulator behind the latency proxy).
 */
package dev.admp.bench.backend;
