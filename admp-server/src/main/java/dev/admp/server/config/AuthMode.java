package dev.admp.server.config;

/** How agent-scoped routes authenticate their caller ({@code AUTH_MODE}). */
public enum AuthMode {
  /** Every agent-scoped request carries an HTTP Signature by the agent's key. */
  SIGNATURE,
  /** The reference hub's behaviour: agent-scoped routes only check that the agent exists. */
  LEGACY
}
