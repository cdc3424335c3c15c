package dev.admp.cli;

/** Turns a failure into the one line printed after {@code error:}. */
final class ErrorLine {
  private ErrorLine() {}

  /**
   * The failure's own message (for a hub refusal the SDK's {@code CODE: message}), first line only;
   * the class name when there is no message. Never a stack trace.
   */
  static String of(Throwable e) {
    String message = e.getMessage();
    if (message == null || message.isBlank()) {
      return e.getCause() != null && e.getCause() != e ? of(e.getCause()) : e.getClass().getSimpleName();
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
