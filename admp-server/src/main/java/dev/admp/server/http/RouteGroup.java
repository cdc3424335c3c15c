package dev.admp.server.http;

/** The routes of one feature. */
@FunctionalInterface
public interface RouteGroup {
  void addTo(ApiRouter router);
}
