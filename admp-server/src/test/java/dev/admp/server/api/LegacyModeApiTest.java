package dev.admp.server.api;

import dev.admp.server.TestHub;

/** The API contract with {@code AUTH_MODE=legacy}. */
class LegacyModeApiTest extends ApiContractTest {
  @Override
  TestHub startHub() {
    return TestHub.legacyMode();
  }
}
