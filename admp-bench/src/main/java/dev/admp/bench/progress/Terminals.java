package dev.admp.bench.progress;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Whether standard error is a terminal, which decides between a bar and plain lines. */
public final class Terminals {
  private Terminals() {}

  /**
   * On Linux, {@code /proc/self/fd/2} links to a {@code /dev/pts} or {@code /dev/tty} device when
   * standard error is a terminal. Elsewhere {@code System.console()} is the best there is; from
   * JDK 22 it is non-null even when output is redirected, so off Linux a redirected run may get the bar.
   */
  public static Progress.Style styleForStandardError() {
    if ("dumb".equals(System.getenv("TERM"))) {
      return Progress.Style.LINES;
    }
    Path fd = Path.of("/proc/self/fd/2");
    if (Files.exists(Path.of("/proc/self"))) {
      try {
        String device = Files.readSymbolicLink(fd).toString();
        return device.startsWith("/dev/pts/") || device.startsWith("/dev/tty") ? Progress.Style.BAR : Progress.Style.LINES;
      } catch (IOException | UnsupportedOperationException e) {
        return Progress.Style.LINES;
      }
    }
    return System.console() != null ? Progress.Style.BAR : Progress.Style.LINES;
  }
}
