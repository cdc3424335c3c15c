package dev.admp.server.webhook;

/**
 * Counters of webhook push since start.
 *
 * @param delivered messages a receiver accepted with a 2xx
 * @param retried attempts scheduled after a failed one
 * @param failed messages given up on after the last attempt (or with an unusable URL)
 * @param dropped messages never attempted because {@code maxInFlight} deliveries were already held
 * @param inFlight deliveries held now
 */
public record WebhookStats(long delivered, long retried, long failed, long dropped, int inFlight) {}
