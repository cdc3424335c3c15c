package dev.admp.bench.progress;

import java.io.PrintWriter;

/** A bar on one terminal line, redrawn with a carriage return at each step. */
final class BarProgress implements Progress {
  private static final int WIDTH = 30;
  private static final int MAX_LINE = 100;

  private final PrintWriter out;
  private final long startedAt = System.nanoTime();
  private int steps = 1;
  private int done = -1;

  BarProgress(PrintWriter out) {
    this.out = out;
  }

  @Override
  public synchronized void start(int total) {
    steps = Math.max(1, total);
  }

  @Override
  public synchronized void step(String description) {
    done = Math.min(done + 1, steps);
    int filled = WIDTH * done / steps;
    long seconds = (System.nanoTime() - startedAt) / 1_000_000_000L;
    String line = "[" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] " + done + "/" + steps + " "
        + seconds + "s " + description;
    if (line.length() > MAX_LINE) {
      line = line.substring(0, MAX_LINE);
    }
    // \r returns to the start of the line and ESC[K clears what the previous, longer line left.
    out.print("\r" + line + "\u001b[K");
    out.flush();
  }

  @Override
  public synchronized void finish() {
    done = steps - 1;
    step("done");
    out.println();
    out.flush();
  }
}
