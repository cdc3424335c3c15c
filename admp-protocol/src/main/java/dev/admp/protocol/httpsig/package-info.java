/**
 * HTTP request signatures (draft-cavage "Signing HTTP Messages") with Ed25519, as ADMP agents
 * authenticate: parse the {@code Signature} header, build the signing string, sign and verify.
 */
package dev.admp.protocol.httpsig;
