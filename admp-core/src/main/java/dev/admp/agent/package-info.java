/** Agents: identity, keys, trust lists, webhooks and heartbeats. */
package dev.admp.agent;
