/** The in-memory store: maps guarded per inbox, zero round trips. */
package dev.admp.store.memory;
