/** The periodic sweep: reclaims expired leases, expires messages past their TTL, purges finished ones. */
package dev.admp.sweep;
