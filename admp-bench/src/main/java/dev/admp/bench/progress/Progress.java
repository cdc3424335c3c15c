package dev.admp.bench.progress;

import java.io.PrintWriter;

/** Tells the person waiting what the benchmark is doing and how far it has got. */
public interface Progress {
  /** Announces the number of steps to come. */
  void start(int steps);

  /** Marks the start of the next step (and the end of the one before). */
  void step(String description);

  /** Ends the display; later output starts on a clean line. */
  void finish();

  /** How progress is shown. */
  enum Style {
    /** A bar on a terminal, plain lines otherwise. */
    AUTO,
    /** A bar redrawn in place: for a terminal. */
    BAR,
    /** One line per step: for logs and pipes. */
    LINES,
    /** Nothing. */
    NONE
  }

  static Progress of(Style style, PrintWriter err) {
    return switch (style) {
      case AUTO -> of(Terminals.styleForStandardError(), err);
      case BAR -> new BarProgress(err);
      case LINES -> new LineProgress(err);
      case NONE -> new LineProgress(new PrintWriter(java.io.Writer.nullWriter()));
    };
  }
}
