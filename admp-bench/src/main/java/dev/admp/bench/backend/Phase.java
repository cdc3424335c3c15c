package dev.admp.bench.backend;

/**
 * What the benchmark is doing with a hub. Setup work (registering agents, filling an inbox)
 * runs without the injected storage latency so that slow targets stay quick to prepare; only
 * measured steps pay it.
 */
public enum Phase { SETUP, MEASURE }
