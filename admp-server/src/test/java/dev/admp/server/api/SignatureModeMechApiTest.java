package dev.admp.server.api;

import dev.admp.server.MechEmulatorExtension;
import dev.admp.server.TestHub;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The API contract with {@code AUTH_MODE=signature} on {@code STORAGE_BACKEND=mech} (every extension, TLS). */
class SignatureModeMechApiTest extends ApiContractTest {
  @RegisterExtension
  static final MechEmulatorExtension MECH = MechEmulatorExtension.allExtensions();

  @Override
  TestHub startHub() {
    return TestHub.start(MECH.hubEnv(Map.of("AUTH_MODE", "signature")));
  }
}
