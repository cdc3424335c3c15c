package dev.admp.bench.progress;

import java.io.PrintWriter;

/** One plain line per step, for output that is not a terminal. */
final class LineProgress implements Progress {
  private final PrintWriter out;
  private final long startedAt = System.nanoTime();
  private int steps;
  private int step;

  LineProgress(PrintWriter out) {
    this.out = out;
  }

  @Override
  public synchronized void start(int total) {
    steps = total;
  }

  @Override
  public synchronized void step(String description) {
    step++;
    long seconds = (System.nanoTime() - startedAt) / 1_000_000_000L;
    out.println("bench: [" + step + "/" + steps + "] " + seconds + "s " + description);
    out.flush();
  }

  @Override
  public synchronized void finish() {
    long seconds = (System.nanoTime() - startedAt) / 1_000_000_000L;
    out.println("bench: done in " + seconds + "s");
    out.flush();
  }
}
