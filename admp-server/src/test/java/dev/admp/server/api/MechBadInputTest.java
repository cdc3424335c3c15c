package dev.admp.server.api;

import dev.admp.server.MechEmulatorExtension;
import dev.admp.server.TestHub;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Hostile and sloppy requests on {@code STORAGE_BACKEND=mech} (every extension, TLS): 4xx, and nothing changes. */
class MechBadInputTest extends BadInputTest {
  @RegisterExtension
  static final MechEmulatorExtension MECH = MechEmulatorExtension.allExtensions();

  @Override
  TestHub startHub(Map<String, String> env) {
    return TestHub.start(MECH.hubEnv(env));
  }
}
