/**
 * The HTTP edge: Javalin on Jetty 12, the {@code /api} and {@code /v1} routing, request bodies,
 * caller authentication and the one mapping from failures to statuses ({@link dev.admp.server.http.ErrorMapper}).
 */
package dev.admp.server.http;
