package dev.admp.bench.backend;

import dev.admp.bench.report.Target;
import dev.admp.testkit.mech.Capability;
import dev.admp.testkit.mech.Faults;
import dev.admp.testkit.mech.MechEmulator;
import dev.admp.testkit.proxy.LatencyProxy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Mech: the emulator over TLS with every extension, behind the latency proxy, which adds the
 * target's RTT between the hub and the emulator while a step is measured (and none during setup).
 * Each hub gets an app of its own, since a hub owns its Mech app.
 *
 * <p>Two variants share this set-up and differ only in the emulator's connection policy:
 * {@code mech} keeps connections alive, {@code mech-close} closes every connection after one
 * response, as a server or middlebox without keep-alive would. The hub's pool cannot help then,
 * so every storage round trip also pays a TCP connect and a TLS handshake through the proxy.
 */
final class MechBackend implements Backend {
  private final String name;
  private final Faults.ConnectionPolicy connections;

  private MechBackend(String name, Faults.ConnectionPolicy connections) {
    this.name = name;
    this.connections = connections;
  }

  /** {@code mech}: the emulator keeps connections alive. */
  static MechBackend keepAlive() {
    return new MechBackend("mech", Faults.ConnectionPolicy.KEEP_ALIVE);
  }

  /** {@code mech-close}: the emulator closes every connection after one response. */
  static MechBackend closing() {
    return new MechBackend("mech-close", Faults.ConnectionPolicy.CLOSE_AFTER_RESPONSE);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String storage() {
    return "mech";
  }

  @Override
  public List<Target> targets(List<Integer> rttsMillis) {
    return rttsMillis.stream().map(rtt -> Target.remote(name(), rtt)).toList();
  }

  @Override
  public Session open(HubLauncher launcher) {
    MechEmulator emulator = new MechEmulator(MechEmulator.Options.defaults().withTls().withAllCapabilities()).start();
    emulator.faults(Faults.NONE.withConnections(connections));
    LatencyProxy proxy = null;
    try {
      Path ca = Files.createTempFile("admp-bench-mech-ca-", ".pem");
      Files.writeString(ca, emulator.caPem());
      proxy = LatencyProxy.start(new InetSocketAddress("127.0.0.1", emulator.port()), Duration.ZERO);
      return new MechSession(launcher, emulator, proxy, ca);
    } catch (IOException e) {
      emulator.close();
      throw new UncheckedIOException("cannot write the emulator's CA", e);
    } catch (RuntimeException e) {
      if (proxy != null) {
        proxy.close();
      }
      emulator.close();
      throw e;
    }
  }

  /** Package-private so that tests can read the proxy's connection count beside the store's. */
  record MechSession(HubLauncher launcher, MechEmulator emulator, LatencyProxy proxy, Path ca)
      implements Session {
    @Override
    public BenchHub start(Target target) {
      Duration rtt = Duration.ofMillis(target.rttMillis().orElse(0));
      proxy.rtt(Duration.ZERO);
      RunningHub hub = launcher.launch(Map.of(
          "STORAGE_BACKEND", "mech",
          "MECH_BASE_URL", "https://127.0.0.1:" + proxy.port(),
          "MECH_APP_ID", "bench-" + UUID.randomUUID(),
          "MECH_API_KEY", emulator.apiKey(),
          "MECH_CAPABILITIES", Arrays.stream(Capability.values()).map(Capability::wireName)
              .collect(Collectors.joining(",")),
          "MECH_CA_FILE", ca.toString()));
      return new BenchHub(target, hub, phase -> proxy.rtt(phase == Phase.MEASURE ? rtt : Duration.ZERO),
          () -> proxy.rtt(Duration.ZERO));
    }

    @Override
    public void close() {
      try {
        proxy.close();
      } finally {
        emulator.close();
        try {
          Files.deleteIfExists(ca);
        } catch (IOException e) {
          // a stray temporary file is not worth failing the benchmark over
        }
      }
    }
  }
}
