/** Inboxes: send, lease, ack, nack, reply, status and long-poll wake-ups. */
package dev.admp.inbox;
