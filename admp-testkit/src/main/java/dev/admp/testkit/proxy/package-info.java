/**
 * A loopback TCP proxy that adds a chosen network round-trip time, for benchmarks of remote
 * storage: each direction is delayed by half the RTT and a new connection pays one extra RTT for
 * its TCP set-up.
 */
package dev.admp.testkit.proxy;
