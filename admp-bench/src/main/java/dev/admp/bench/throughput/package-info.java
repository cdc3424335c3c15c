/**
 * The {@code throughput} scenario: concurrent send → pull → ack cycles for a fixed time, with
 * latency percentiles, storage round trips per cycle and the memory of the JVM the hub runs in.
 */
package dev.admp.bench.throughput;
