/**
 * The Java SDK of the ADMP hub: {@link dev.admp.client.AdmpClient} speaks every route of the HTTP
 * API, signs requests and envelopes with the agent's Ed25519 key, and reports failures as
 * {@link dev.admp.client.AdmpClientException}.
 */
package dev.admp.client;
