/**
 * The ADMP envelope signature: Ed25519 over a signing base built from the envelope's timestamp,
 * body hash, sender, recipient and correlation id, exactly as JavaScript clients build it.
 */
package dev.admp.protocol.envelope;
