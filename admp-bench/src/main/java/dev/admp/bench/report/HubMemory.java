package dev.admp.bench.report;

import java.util.OptionalLong;

/**
 * Memory of the process the hub runs in. The benchmark runs its hubs in-process, so these
 * figures include the benchmark's own clients (and, for mech, the emulator).
 *
 * @param heapUsedBytes heap in use ({@code MemoryMXBean})
 * @param heapCommittedBytes heap the JVM holds from the OS
 * @param rssBytes resident set size ({@code VmRSS} of {@code /proc/self/status}); empty off Linux
 * @param rssPeakBytes peak resident set size ({@code VmHWM}); empty off Linux
 */
public record HubMemory(long heapUsedBytes, long heapCommittedBytes, OptionalLong rssBytes, OptionalLong rssPeakBytes) {}
