/** The agent routes: registration, heartbeats, lookup, deletion, trust lists and webhooks. */
package dev.admp.server.agents;
