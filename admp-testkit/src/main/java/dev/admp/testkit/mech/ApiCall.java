package dev.admp.testkit.mech;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One request to the Mech API of an app, decoded from HTTP.
 *
 * @param method HTTP method
 * @param path percent-decoded path segments after {@code /api/apps/{app}}
 * @param query decoded query parameters, repeatable ones in order
 * @param body request body text (empty when none)
 */
record ApiCall(String method, List<String> path, Map<String, List<String>> query, String body) {
  Optional<String> param(String name) {
    List<String> values = query.getOrDefault(name, List.of());
    return values.isEmpty() ? Optional.empty() : Optional.of(values.getFirst());
  }

  List<String> params(String name) {
    return query.getOrDefault(name, List.of());
  }

  Route route() {
    List<String> p = path;
    boolean documents = p.size() >= 2 && p.get(0).equals("nosql") && p.get(1).equals("documents");
    if (documents && p.size() == 2) {
      return switch (method) {
        case "POST" -> Route.CREATE;
        case "GET" -> Route.LIST;
        default -> Route.OTHER;
      };
    }
    if (documents && p.size() == 4) {
      return switch (method) {
        case "GET" -> p.get(2).equals("key") ? Route.GET : Route.OTHER;
        case "PUT" -> Route.UPDATE;
        case "DELETE" -> Route.DELETE;
        default -> Route.OTHER;
      };
    }
    if (p.size() == 2 && p.get(0).equals("nosql") && p.get(1).equals("batch") && method.equals("POST")) {
      return Route.BATCH;
    }
    return Route.OTHER;
  }
}
