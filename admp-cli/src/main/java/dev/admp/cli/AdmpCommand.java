package dev.admp.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.Objects;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The top-level {@code admp} command; its subcommands do the work. */
@Command(name = "admp", mixinStandardHelpOptions = true, versionProvider = AdmpCommand.Version.class,
    description = "The ADMP hub and its client: run a hub, or act as an agent on one.",
    subcommands = {
        ServeCommand.class,
        RegisterCommand.class,
        SendCommand.class,
        PullCommand.class,
        AckCommand.class,
        NackCommand.class,
        ReplyCommand.class,
        StatusCommand.class,
        MechEmulatorCommand.class,
        InboxCommand.class,
        BenchSubcommand.class,
        CommandLine.HelpCommand.class},
    footer = {"", "Exit status: 0 on success, 1 on any failure (one 'error:' line on standard error)."})
final class AdmpCommand implements Runnable {
  final CliContext context;
  private final JsonOutput output = new JsonOutput();

  @Spec
  CommandSpec spec;

  AdmpCommand(CliContext context) {
    this.context = Objects.requireNonNull(context, "context");
  }

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "a command is required");
  }

  /** Prints a command's result as pretty JSON on standard output. */
  void print(JsonNode result) {
    output.print(spec.commandLine().getOut(), result);
  }

  /** Runs {@code admp args…} and returns the exit status. */
  static int run(CliContext context, PrintWriter out, PrintWriter err, String... args) {
    CommandLine cli = new CommandLine(new AdmpCommand(context))
        .setOut(out)
        .setErr(err)
        .setExecutionExceptionHandler(AdmpCommand::executionFailed)
        .setParameterExceptionHandler(AdmpCommand::invalidInput);
    try {
      return cli.execute(args);
    } finally {
      out.flush();
      err.flush();
    }
  }

  private static int executionFailed(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
    cli.getErr().println("error: " + ErrorLine.of(e));
    return 1;
  }

  private static int invalidInput(ParameterException e, String[] args) {
    CommandLine cli = e.getCommandLine();
    cli.getErr().println("error: " + e.getMessage());
    cli.getErr().println("Try '" + cli.getCommandSpec().qualifiedName() + " --help'.");
    return 1;
  }

  /** The version of this build, from the jar manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = AdmpCommand.class.getPackage().getImplementationVersion();
      return new String[] {"admp " + (version == null ? "(development build)" : version)};
    }
  }
}
