/** The inbox routes: SEND, PULL (long poll, batches), ACK, NACK, REPLY, status, counts and reclaim. */
package dev.admp.server.inbox;
