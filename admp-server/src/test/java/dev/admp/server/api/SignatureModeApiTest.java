package dev.admp.server.api;

import dev.admp.server.TestHub;

/** The API contract with {@code AUTH_MODE=signature} (the default). */
class SignatureModeApiTest extends ApiContractTest {
  @Override
  TestHub startHub() {
    return TestHub.signatureMode();
  }
}
