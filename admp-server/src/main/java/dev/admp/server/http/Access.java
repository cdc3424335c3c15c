package dev.admp.server.http;

import io.javalin.security.RouteRole;

/** Who may call a route; checked before the handler by {@link CallerAuthentication}. */
public enum Access implements RouteRole {
  /** Anyone (the operator key aside): health, docs, registration, hub stats. */
  PUBLIC,
  /**
   * The agent the path's {@code {id}} names: an HTTP Signature by its key in signature mode; in
   * legacy mode only its existence.
   */
  PATH_AGENT,
  /** SEND and REPLY: the signature inside the envelope authenticates the sender. */
  ENVELOPE,
  /** Any registered agent by HTTP Signature (signature mode); the handler decides what it may see. */
  ANY_AGENT
}
