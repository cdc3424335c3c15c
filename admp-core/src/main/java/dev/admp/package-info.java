/** The ADMP domain: agents, inboxes, sweeps and the storage SPI; {@link dev.admp.AdmpException} and its kinds are the only errors a client sees. */
package dev.admp;
