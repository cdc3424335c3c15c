/**
 * The ADMP wire protocol shared by the hub and the SDK: JavaScript-compatible JSON, Ed25519 keys,
 * envelope signatures and HTTP request signatures. {@link dev.admp.protocol.ProtocolException} is
 * the root of every failure this module throws for bad input.
 */
package dev.admp.protocol;
