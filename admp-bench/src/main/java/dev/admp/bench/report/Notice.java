package dev.admp.bench.report;

import java.util.Objects;

/** Something the reader of a report must know: a backend that was not measured, runs that failed. */
public record Notice(String what, String reason) {
  public Notice {
    Objects.requireNonNull(what, "what");
    Objects.requireNonNull(reason, "reason");
  }
}
