package dev.admp.cli;

import java.net.ConnectException;
import java.net.http.HttpTimeoutException;

/** Turns a failure into the one line printed after {@code error:}. */
final class ErrorLine {
  private ErrorLine() {}

  static String of(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root && root.getMessage() == null) {
      root = root.getCause();
    }
    if (e instanceof CliFailure) {
      return e.getMessage();
    }
    if (hasCause(e, ConnectException.class)) {
      return "cannot connect to the hub (" + message(root) + ")";
    }
    if (hasCause(e, HttpTimeoutException.class)) {
      return "the hub did not answer in time";
    }
    return message(root);
  }

  private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }

  private static String message(Throwable e) {
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getSimpleName() : firstLine(message);
  }

  private static String firstLine(String message) {
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
