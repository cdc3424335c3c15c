/** The intent-level storage SPI that every backend implements; its contract suite is in this module's test-jar. */
package dev.admp.store;
