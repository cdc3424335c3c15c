package dev.admp.store.mech;

import dev.admp.testkit.mech.Capability;
import dev.admp.testkit.mech.MechEmulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/** A Mech emulator over TLS for store tests, and store configurations that point at it. */
final class MechTestEmulator implements AutoCloseable {
  private static final AtomicInteger APPS = new AtomicInteger();

  final MechEmulator mech;
  private final Path caFile;

  private MechTestEmulator(MechEmulator mech, Path caFile) {
    this.mech = mech;
    this.caFile = caFile;
  }

  static MechTestEmulator start(Set<Capability> capabilities) {
    return start(MechEmulator.Options.defaults().withTls().withCapabilities(capabilities));
  }

  static MechTestEmulator start(MechEmulator.Options options) {
    MechEmulator mech = new MechEmulator(options).start();
    try {
      Path ca = Files.createTempFile("mech-ca", ".pem");
      ca.toFile().deleteOnExit();
      Files.writeString(ca, mech.caPem());
      return new MechTestEmulator(mech, ca);
    } catch (IOException e) {
      mech.close();
      throw new UncheckedIOException(e);
    }
  }

  static MechTestEmulator baseline() {
    return start(Set.of());
  }

  static MechTestEmulator extended() {
    return start(EnumSet.allOf(Capability.class));
  }

  /** A fresh app id, so every store starts empty and owns its app. */
  static String newApp() {
    return "app-" + APPS.incrementAndGet();
  }

  /** A store configuration for {@code app} that uses exactly the extensions the emulator has on. */
  MechStoreConfig config(String app) {
    Set<MechCapability> caps = EnumSet.noneOf(MechCapability.class);
    mech.capabilities().forEach(c -> caps.add(MechCapability.parse(c.wireName())));
    return new MechStoreConfig(URI.create(mech.baseUrl()), app, mech.apiKey(), caps, Optional.of(caFile),
        Duration.ofSeconds(5), Duration.ofSeconds(5), 8, 10_000, MechStoreConfig.Resilience.DEFAULTS,
        Duration.ofMinutes(10));
  }

  @Override
  public void close() {
    mech.close();
  }
}
