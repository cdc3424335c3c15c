/** Wiring: {@link dev.admp.server.Hub} builds a running hub from an {@link dev.admp.server.config.AdmpConfig}; {@link dev.admp.server.Main} runs one from the environment. */
package dev.admp.server;
