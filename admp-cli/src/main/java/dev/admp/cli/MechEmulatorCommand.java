package dev.admp.cli;

import dev.admp.testkit.mech.Capability;
import dev.admp.testkit.mech.Faults;
import dev.admp.testkit.mech.MechEmulator;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "mech-emulator", mixinStandardHelpOptions = true,
    description = {
        "Run a Mech-compatible document store, to try STORAGE_BACKEND=mech without Mech credentials.",
        "It keeps its documents in memory and runs until stopped (Ctrl-C). It prints the variables "
            + "that point a hub at it."})
final class MechEmulatorCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--host", paramLabel = "HOST", defaultValue = "127.0.0.1",
      description = "Address to listen on (default: ${DEFAULT-VALUE}).")
  String host;

  @Option(names = "--port", paramLabel = "PORT", defaultValue = "8090",
      description = "Port to listen on, 0 for any free one (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--tls", description = "Serve HTTPS (and HTTP/2) with a certificate made at start.")
  boolean tls;

  @Option(names = "--ca-file", paramLabel = "FILE", defaultValue = "mech-emulator-ca.pem",
      description = "With --tls: where to write the CA certificate, for MECH_CA_FILE (default: ${DEFAULT-VALUE}).")
  Path caFile;

  @Option(names = "--capabilities", paramLabel = "LIST", defaultValue = "",
      description = "Extensions to switch on: comma-separated filter, offset, return_document, batch, or all "
          + "(default: none, the baseline).")
  String capabilities;

  @Option(names = "--api-key", paramLabel = "KEY", defaultValue = MechEmulator.Options.DEFAULT_API_KEY,
      description = "The key requests must carry (default: ${DEFAULT-VALUE}).")
  String apiKey;

  @Option(names = "--latency-ms", paramLabel = "MS", defaultValue = "0",
      description = "Delay added to every request, to feel a remote store (default: ${DEFAULT-VALUE}).")
  int latencyMs;

  @Override
  public Integer call() throws InterruptedException {
    MechEmulator emulator = start(spec.commandLine().getOut());
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      emulator.close();
      stopped.countDown();
    }, "mech-emulator-stop"));
    stopped.await();
    return 0;
  }

  /** Starts the emulator as the options say and prints how to use it; the caller stops it. */
  MechEmulator start(PrintWriter out) {
    MechEmulator emulator = new MechEmulator(options()).start();
    try {
      emulator.faults(Faults.NONE.withLatency(Duration.ofMillis(latencyMs)));
      Optional<Path> ca = tls ? Optional.of(writeCa(emulator)) : Optional.empty();
      String caps = wireNames(emulator.capabilities());
      out.println("Mech emulator listening on " + emulator.baseUrl() + " (extensions: "
          + (caps.isEmpty() ? "none" : caps) + "; documents are kept in memory until it stops)");
      out.println("Start a hub on it in another terminal:");
      out.println("  STORAGE_BACKEND=mech MECH_BASE_URL=" + emulator.baseUrl() + " MECH_APP_ID=demo MECH_API_KEY="
          + (apiKey.equals(MechEmulator.Options.DEFAULT_API_KEY) ? apiKey : "<your --api-key>")
          + (caps.isEmpty() ? "" : " MECH_CAPABILITIES=" + caps)
          + ca.map(file -> " MECH_CA_FILE=" + file).orElse("") + " ./admp serve");
      out.flush();
      return emulator;
    } catch (RuntimeException e) {
      emulator.close();
      throw e;
    }
  }

  private MechEmulator.Options options() {
    if (port < 0 || port > 65535) {
      throw new ParameterException(spec.commandLine(), "--port must be 0-65535, was " + port);
    }
    if (latencyMs < 0) {
      throw new ParameterException(spec.commandLine(), "--latency-ms must not be negative, was " + latencyMs);
    }
    if (apiKey.isEmpty()) {
      throw new ParameterException(spec.commandLine(), "--api-key must not be empty");
    }
    Set<Capability> caps;
    try {
      caps = Capability.parseList(capabilities);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--capabilities: " + e.getMessage()
          + " (known: filter, offset, return_document, batch, all)");
    }
    MechEmulator.Options options = MechEmulator.Options.defaults().withHost(host).withPort(port).withApiKey(apiKey)
        .withCapabilities(caps);
    return tls ? options.withTls() : options;
  }

  private Path writeCa(MechEmulator emulator) {
    Path file = caFile.toAbsolutePath();
    try {
      Files.writeString(file, emulator.caPem());
      return file;
    } catch (IOException e) {
      throw new CliFailure("cannot write the CA certificate to " + file + ": " + e.getMessage(), e);
    }
  }

  /** Comma-separated wire names, in a stable order. */
  private static String wireNames(Set<Capability> caps) {
    return caps.stream().sorted().map(Capability::wireName).collect(Collectors.joining(","));
  }
}
