package dev.admp.server;

import dev.admp.testkit.mech.Capability;
import dev.admp.testkit.mech.MechEmulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A Mech emulator for the hubs of one test class ({@code @RegisterExtension static}): started
 * before the first test, stopped after the last. {@link #hubEnv()} points a hub at a Mech app of
 * its own, so every hub starts empty and owns its app, exactly as {@code STORAGE_BACKEND=mech}
 * is configured in production.
 */
public final class MechEmulatorExtension implements BeforeAllCallback, AfterAllCallback {
  private static final AtomicInteger APPS = new AtomicInteger();

  private final MechEmulator.Options options;
  private MechEmulator emulator;
  private Optional<Path> caFile = Optional.empty();

  private MechEmulatorExtension(MechEmulator.Options options) {
    this.options = options;
  }

  /** A Mech server with no extension, over plain HTTP. */
  public static MechEmulatorExtension baseline() {
    return new MechEmulatorExtension(MechEmulator.Options.defaults());
  }

  /** A Mech server with every extension, over TLS (HTTP/2) with its CA in {@code MECH_CA_FILE}. */
  public static MechEmulatorExtension allExtensions() {
    return new MechEmulatorExtension(MechEmulator.Options.defaults().withTls().withAllCapabilities());
  }

  @Override
  public void beforeAll(ExtensionContext context) throws IOException {
    emulator = new MechEmulator(options).start();
    if (options.transport() == MechEmulator.Transport.HTTPS) {
      Path ca = Files.createTempFile("mech-ca-", ".pem");
      Files.writeString(ca, emulator.caPem());
      caFile = Optional.of(ca);
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    try {
      emulator.close();
    } finally {
      caFile.ifPresent(MechEmulatorExtension::delete);
    }
  }

  public MechEmulator emulator() {
    return emulator;
  }

  /** The environment of a hub on a new, empty app of this emulator. */
  public Map<String, String> hubEnv() {
    return appEnv("app-" + APPS.incrementAndGet());
  }

  /** The environment of a hub on {@code appId}, with the extensions the emulator has. */
  public Map<String, String> appEnv(String appId) {
    Map<String, String> env = new HashMap<>();
    env.put("STORAGE_BACKEND", "mech");
    env.put("MECH_BASE_URL", emulator.baseUrl());
    env.put("MECH_APP_ID", appId);
    env.put("MECH_API_KEY", emulator.apiKey());
    env.put("MECH_CAPABILITIES", wireNames(emulator.capabilities()));
    caFile.ifPresent(ca -> env.put("MECH_CA_FILE", ca.toString()));
    return env;
  }

  /** {@link #hubEnv()} plus {@code more}. */
  public Map<String, String> hubEnv(Map<String, String> more) {
    Map<String, String> env = new HashMap<>(hubEnv());
    env.putAll(more);
    return env;
  }

  private static String wireNames(Set<Capability> capabilities) {
    return (capabilities.isEmpty() ? EnumSet.noneOf(Capability.class) : EnumSet.copyOf(capabilities)).stream()
        .map(Capability::wireName).collect(Collectors.joining(","));
  }

  private static void delete(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
