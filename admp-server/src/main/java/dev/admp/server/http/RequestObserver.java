package dev.admp.server.http;

import java.time.Duration;

/** Told about every request that reaches the router, when it starts and when it finishes (metrics). */
@FunctionalInterface
public interface RequestObserver {
  RequestObserver NONE = (method, route, status, elapsed) -> { };

  /** A request arrived; {@link #finished} follows for each call of this. */
  default void started() {
  }

  /**
   * @param route the matched route template ({@code /api/agents/{id}/inbox/pull}), or
   *     {@code "unmatched"} so that unknown paths cannot explode the number of series
   */
  void finished(String method, String route, int status, Duration elapsed);
}
