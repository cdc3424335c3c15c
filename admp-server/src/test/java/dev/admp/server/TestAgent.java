package dev.admp.server;

import dev.admp.protocol.crypto.Ed25519;

/**
 * An agent as a test drives it: its id as written and its key pair (made by the test, so the hub
 * only ever sees the public key).
 */
public record TestAgent(String id, Ed25519.KeyPair keys) {
  public static TestAgent named(String id) {
    return new TestAgent(id, Ed25519.generate());
  }

  public String publicKey() {
    return Ed25519.encode(keys.publicKey());
  }
}
