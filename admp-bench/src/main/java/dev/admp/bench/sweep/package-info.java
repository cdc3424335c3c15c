/** The {@code sweep} scenario: one reclaim of many expired leases, timed with its storage round trips. */
package dev.admp.bench.sweep;
