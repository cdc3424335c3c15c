package dev.admp.bench.throughput;

import dev.admp.bench.report.HubMemory;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;

/** Memory of this JVM, which runs the hub under test. */
public final class ProcessMemory {
  private static final Path STATUS = Path.of("/proc/self/status");

  private ProcessMemory() {}

  /** Heap after a full collection (what stays live), and RSS now and at its peak. */
  public static HubMemory sample() {
    MemoryMXBean bean = ManagementFactory.getMemoryMXBean();
    bean.gc();
    MemoryUsage heap = bean.getHeapMemoryUsage();
    List<String> status = status();
    return new HubMemory(heap.getUsed(), heap.getCommitted(), kibibytes(status, "VmRSS:"), kibibytes(status, "VmHWM:"));
  }

  private static List<String> status() {
    try {
      return Files.exists(STATUS) ? Files.readAllLines(STATUS) : List.of();
    } catch (IOException e) {
      return List.of(); // not Linux, or not readable: the figure is left out
    }
  }

  /** A line such as {@code VmRSS:    123456 kB}, in bytes. */
  static OptionalLong kibibytes(List<String> status, String key) {
    for (String line : status) {
      if (line.startsWith(key)) {
        String[] parts = line.substring(key.length()).trim().split("\\s+");
        try {
          return OptionalLong.of(Long.parseLong(parts[0]) * 1024);
        } catch (NumberFormatException e) {
          return OptionalLong.empty();
        }
      }
    }
    return OptionalLong.empty();
  }
}
