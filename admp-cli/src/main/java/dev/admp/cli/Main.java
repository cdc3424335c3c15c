package dev.admp.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** Entry point of {@code admp.jar}. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    int status = AdmpCommand.run(CliContext.system(), out, err, args);
    // serve returns once the hub has stopped; the other commands once they have printed.
    System.exit(status);
  }
}
