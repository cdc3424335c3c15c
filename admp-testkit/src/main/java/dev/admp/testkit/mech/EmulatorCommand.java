package dev.admp.testkit.mech;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * The emulator as a command:
 * {@code [--host H] [--port N] [--tls] [--no-http2] [--ca-file PATH] [--capabilities filter,offset,return_document,batch|all]
 * [--api-key K] [--seed S] [--latency-ms MS]}. Runs until the process is stopped.
 */
final class EmulatorCommand {
  static final String USAGE = "usage: mech-emulator [--host H] [--port N] [--tls] [--no-http2] [--ca-file PATH] "
      + "[--capabilities LIST|all] [--api-key KEY] [--seed S] [--latency-ms MS]";

  /** What the arguments ask for. */
  record Launch(MechEmulator.Options options, Optional<Path> caFile, Duration latency) {}

  private EmulatorCommand() {}

  static int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
      out.println(USAGE);
      return 0;
    }
    Launch launch;
    try {
      launch = parse(args);
    } catch (IllegalArgumentException e) {
      err.println(e.getMessage());
      err.println(USAGE);
      return 2;
    }
    MechEmulator emulator = new MechEmulator(launch.options()).start();
    emulator.faults(Faults.NONE.withLatency(launch.latency()));
    try {
      if (launch.caFile().isPresent()) {
        Files.writeString(launch.caFile().get(), emulator.caPem());
      }
    } catch (IOException e) {
      emulator.close();
      err.println("cannot write the CA certificate to " + launch.caFile().get() + ": " + e.getMessage());
      return 1;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      emulator.close();
      stopped.countDown();
    }, "mech-emulator-stop"));
    out.println("mech emulator listening on " + emulator.baseUrl() + " capabilities=" + emulator.capabilities()
        + launch.caFile().map(f -> " ca-file=" + f).orElse(""));
    out.flush();
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return 0;
  }

  static Launch parse(String[] args) {
    MechEmulator.Options options = MechEmulator.Options.defaults();
    Path caFile = null;
    Duration latency = Duration.ZERO;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--host" -> options = options.withHost(value(args, ++i));
        case "--no-http2" -> options = options.withProtocols(MechEmulator.Protocols.HTTP_1_1);
        case "--port" -> options = options.withPort(number(args, ++i));
        case "--tls" -> options = options.withTls();
        case "--ca-file" -> caFile = Path.of(value(args, ++i));
        case "--capabilities" -> options = options.withCapabilities(Capability.parseList(value(args, ++i)));
        case "--api-key" -> options = options.withApiKey(value(args, ++i));
        case "--seed" -> options = options.withSeed(number(args, ++i));
        case "--latency-ms" -> latency = Duration.ofMillis(number(args, ++i));
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    if (caFile != null && options.transport() != MechEmulator.Transport.HTTPS) {
      throw new IllegalArgumentException("--ca-file needs --tls");
    }
    return new Launch(options, Optional.ofNullable(caFile), latency);
  }

  private static int number(String[] args, int i) {
    String v = value(args, i);
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(args[i - 1] + " must be a number, was '" + v + "'");
    }
  }

  private static String value(String[] args, int i) {
    if (i >= args.length) {
      throw new IllegalArgumentException(args[i - 1] + " needs a value");
    }
    return args[i];
  }
}
