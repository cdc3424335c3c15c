package dev.admp.server.inbox;

import dev.admp.server.MechEmulatorExtension;
import dev.admp.server.TestHub;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Long polls on {@code STORAGE_BACKEND=mech} (every extension, TLS): the wake-up does not depend on the backend. */
class MechLongPollTest extends LongPollTest {
  @RegisterExtension
  static final MechEmulatorExtension MECH = MechEmulatorExtension.allExtensions();

  @Override
  TestHub startHub() {
    return TestHub.start(MECH.hubEnv());
  }
}
