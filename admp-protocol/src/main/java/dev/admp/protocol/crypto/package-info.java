/**
 * Ed25519 keys and signatures in the forms ADMP puts on the wire: 32-byte public keys and
 * 64-byte tweetnacl secret keys (seed followed by public key), base64-encoded.
 */
package dev.admp.protocol.crypto;
