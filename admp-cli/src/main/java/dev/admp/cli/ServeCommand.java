package dev.admp.cli;

import dev.admp.server.Hub;
import dev.admp.server.config.AdmpConfig;
import dev.admp.server.config.ConfigException;
import java.io.PrintWriter;
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
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    AdmpConfig config;
    try {
      config = AdmpConfig.fromEnv(admp.context.env());
    } catch (ConfigException e) {
      e.problems().forEach(problem -> err.println("error: " + problem));
      return 1;
    }
    if (port != null) {
      if (port < 0 || port > 65535) {
        throw new CliFailure("--port must be 0-65535, was " + port);
      }
      config = config.withPort(port);
    }
    Hub hub = Hub.create(config).start();
    CountDownLatch stopped = new CountDownLatch(1);
    Thread shutdown = new Thread(() -> {
      hub.close();
      stopped.countDown();
    }, "admp-shutdown");
    Runtime.getRuntime().addShutdownHook(shutdown);
    out.println("admp: hub listening on http://localhost:" + hub.port() + " (storage " + config.store().backend()
        + ", auth " + config.auth().mode().name().toLowerCase(java.util.Locale.ROOT) + ")");
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
