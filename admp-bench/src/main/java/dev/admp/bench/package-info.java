/**
 * {@code admp bench}: starts hubs in-process on each storage backend, drives them through the Java
 * SDK with HTTP signatures on, and reports flow times, storage round trips, sweep cost and
 * throughput side by side. {@link dev.admp.bench.BenchCommand} is the entry point.
 */
package dev.admp.bench;
