package dev.admp.bench.report;

import java.util.Objects;

/** A backend or step that was asked for and not measured, and why. */
public record Skipped(String what, String reason) {
  public Skipped {
    Objects.requireNonNull(what, "what");
    Objects.requireNonNull(reason, "reason");
  }
}
