package dev.admp.server.api;

import dev.admp.server.MechEmulatorExtension;
import dev.admp.server.TestHub;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The API contract on a Mech server with no extension (plain HTTP): slower, never wrong. */
class BaselineMechApiTest extends ApiContractTest {
  @RegisterExtension
  static final MechEmulatorExtension MECH = MechEmulatorExtension.baseline();

  @Override
  TestHub startHub() {
    return TestHub.start(MECH.hubEnv(Map.of("AUTH_MODE", "signature")));
  }
}
