/**
 * The {@code admp} command: {@code serve} runs the hub; the client verbs (register, send, pull, ack,
 * nack, reply, status, inbox) talk to a hub through the Java SDK, as the agent named in
 * {@code ~/.admp/config.json}, the environment or flags.
 */
package dev.admp.cli;
