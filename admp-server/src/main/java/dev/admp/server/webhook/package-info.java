/**
 * Webhook push: after a SEND the hub POSTs the new message, HMAC-signed with the recipient's webhook
 * secret, to the recipient's {@code webhook_url}, retrying in the background. Push is a courtesy: the
 * message stays pullable whatever happens here.
 */
package dev.admp.server.webhook;
