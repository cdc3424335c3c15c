package dev.admp.server.http;

import java.time.Duration;

/** Told about every finished request (metrics). */
@FunctionalInterface
public interface RequestObserver {
  RequestObserver NONE = (method, route, status, elapsed) -> { };

  /**
   * @param route the matched route template ({@code /api/agents/{id}/inbox/pull}), or
   *     {@code "unmatched"} so that unknown paths cannot explode the number of series
   */
  void finished(String method, String route, int status, Duration elapsed);
}
