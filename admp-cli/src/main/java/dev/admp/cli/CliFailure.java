package dev.admp.cli;

/** A failure the user can act on: printed as one {@code error: …} line, exit status 1. */
final class CliFailure extends RuntimeException {
  CliFailure(String message) {
    super(message);
  }

  CliFailure(String message, Throwable cause) {
    super(message, cause);
  }
}
