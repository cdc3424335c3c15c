/**
 * Who is calling: HTTP Signatures by agent keys ({@code AUTH_MODE=signature}) or the reference
 * hub's existence check ({@code AUTH_MODE=legacy}).
 */
package dev.admp.server.auth;
