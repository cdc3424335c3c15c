package dev.admp.server.api;

import dev.admp.server.TestHub;

/** The SDK against a hub in {@code AUTH_MODE=signature}. */
class SignatureModeSdkTest extends SdkContractTest {
  @Override
  TestHub startHub() {
    return TestHub.signatureMode();
  }
}
