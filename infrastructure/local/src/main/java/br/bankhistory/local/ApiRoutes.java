package br.bankhistory.local;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The HTTP API's routes, as {@code template.yaml} declares them: a request matches a route key such as
 * {@code GET /integrations/{id}/file} and its path parameters, as API Gateway would match it.
 */
public final class ApiRoutes {

  /** The route keys of the deployed HTTP API. */
  public static final List<String> ROUTE_KEYS = List.of(
      "GET /integrations",
      "GET /integrations/{id}",
      "GET /integrations/{id}/items",
      "POST /integrations/{id}/cancel",
      "GET /integrations/{id}/statement",
      "GET /integrations/{id}/file",
      "POST /integrations/{id}/reprocess",
      "POST /uploads",
      "GET /settings/notifications",
      "PUT /settings/notifications",
      "GET /settings/accounts",
      "PUT /settings/accounts",
      "GET /settings/approvals",
      "PUT /settings/approvals",
      "GET /settings/schedule",
      "PUT /settings/schedule",
      "GET /approvals",
      "POST /integrations/{id}/approve",
      "POST /integrations/{id}/deliver",
      "POST /integrations/{id}/reject",
      "GET /items",
      "POST /remittances",
      "POST /instructions",
      "GET /instructions",
      "POST /instructions/{id}/cancel",
      "GET /banks");

  /** A matched route: its key and the values of its {@code {name}} segments (still percent-decoded). */
  public record Match(String routeKey, Map<String, String> pathParameters) {}

  private final List<Route> routes;

  public ApiRoutes(List<String> routeKeys) {
    this.routes = routeKeys.stream().map(Route::parse).toList();
  }

  public static ApiRoutes standard() {
    return new ApiRoutes(ROUTE_KEYS);
  }

  /** The route for a method and a decoded path (without the {@code /api} prefix), if any. */
  public Optional<Match> match(String method, String path) {
    List<String> segments = segments(path);
    for (Route route : routes) {
      Optional<Map<String, String>> parameters = route.match(method, segments);
      if (parameters.isPresent()) {
        return Optional.of(new Match(route.key(), parameters.get()));
      }
    }
    return Optional.empty();
  }

  private static List<String> segments(String path) {
    String trimmed = path.startsWith("/") ? path.substring(1) : path;
    if (trimmed.endsWith("/")) {
      trimmed = trimmed.substring(0, trimmed.length() - 1);
    }
    return trimmed.isEmpty() ? List.of() : List.of(trimmed.split("/", -1));
  }

  private record Route(String key, String method, List<String> template) {

    static Route parse(String key) {
      String[] methodAndPath = key.split(" ", 2);
      return new Route(key, methodAndPath[0], segments(methodAndPath[1]));
    }

    Optional<Map<String, String>> match(String requestMethod, List<String> path) {
      if (!method.equals(requestMethod) || template.size() != path.size()) {
        return Optional.empty();
      }
      Map<String, String> parameters = new LinkedHashMap<>();
      for (int i = 0; i < template.size(); i++) {
        String expected = template.get(i);
        String actual = path.get(i);
        if (expected.startsWith("{") && expected.endsWith("}")) {
          if (actual.isEmpty()) {
            return Optional.empty();
          }
          parameters.put(expected.substring(1, expected.length() - 1), actual);
        } else if (!expected.equals(actual)) {
          return Optional.empty();
        }
      }
      return Optional.of(parameters);
    }
  }
}
