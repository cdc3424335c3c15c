/**
 * The {@code flows} scenario: the conformance flow set (send/pull/ack, nack, lease expiry and the
 * refusals), each run timed with its storage round trips and new connections.
 */
package dev.admp.bench.flow;
