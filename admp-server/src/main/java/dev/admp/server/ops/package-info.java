/** Operational routes: health, hub statistics and Prometheus metrics. */
package dev.admp.server.ops;
