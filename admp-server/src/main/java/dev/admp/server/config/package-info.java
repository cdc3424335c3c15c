/**
 * The hub's configuration: one immutable {@link dev.admp.server.config.AdmpConfig} built once from the
 * environment, validated as a whole so that start-up names every bad variable at once.
 */
package dev.admp.server.config;
