package dev.admp.cli;

import dev.admp.server.Hub;
import dev.admp.server.config.AdmpConfig;
import dev.admp.server.config.ConfigException;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "serve", mixinStandardHelpOptions = true,
    description = {"Run the hub until stopped (Ctrl-C or SIGTERM).",
        "It is configured by environment variables (PORT, STORAGE_BACKEND, AUTH_MODE, ...; see README.md)."})
final class ServeCommand implements Callable<Integer> {
  @ParentCommand
  AdmpCommand admp;

  @Spec
  CommandSpec spec;

  @Option(names = "--port", paramLabel = "PORT", description = "Listen on this port instead of $PORT (0: any free port).")
  Integer port;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (port != null && (port < 0 || port > 65535)) {
      throw new CliFailure("--port must be 0-65535, was " + port);
    }
    AdmpConfig config;
    try {
      config = AdmpConfig.fromEnv(admp.context.env());
    } catch (ConfigException e) {
      return configurationFailed(e, err);
    }
    if (port != null) {
      config = config.withPort(port);
    }
    Hub hub;
    try {
      hub = Hub.create(config);
    } catch (ConfigException e) {
      return configurationFailed(e, err);
    }
    try {
      hub.start();
    } catch (RuntimeException e) {
      hub.close();
      throw e;
    }
    return runUntilStopped(hub, config, out);
  }

  private static int configurationFailed(ConfigException e, PrintWriter err) {
    // One line per bad variable, each naming it.
    e.problems().forEach(problem -> err.println("error: " + problem));
    return 1;
  }

  private static int runUntilStopped(Hub hub, AdmpConfig config, PrintWriter out) {
    CountDownLatch stopped = new CountDownLatch(1);
    Thread shutdown = new Thread(() -> {
      hub.close();
      stopped.countDown();
    }, "admp-shutdown");
    Runtime.getRuntime().addShutdownHook(shutdown);
    out.println("admp: hub listening on http://localhost:" + hub.port() + " (storage " + config.store().backend()
        + ", auth " + config.auth().mode().name().toLowerCase(Locale.ROOT) + ")");
    out.flush();
    try {
      stopped.await();
    } catch (InterruptedException e) {
      // Stopped from inside the process (tests): close here instead of in the hook.
      Runtime.getRuntime().removeShutdownHook(shutdown);
      hub.close();
    }
    return 0;
  }
}
