/**
 * A Mech-compatible document store that runs in-process or on its own: the baseline API of
 * {@code MECH-API.md}, each extension switchable, TLS with a generated certificate, and injectable
 * latency and faults, with request and connection counters for round-trip budgets.
 */
package dev.admp.testkit.mech;
