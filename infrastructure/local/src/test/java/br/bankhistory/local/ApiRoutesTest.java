package br.bankhistory.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiRoutesTest {

  private final ApiRoutes routes = ApiRoutes.standard();

  @Test
  void matchesAStaticRoute() {
    assertThat(routes.match("GET", "/integrations"))
        .contains(new ApiRoutes.Match("GET /integrations", Map.of()));
  }

  @Test
  void matchesAParameterisedRoute() {
    assertThat(routes.match("GET", "/integrations/01JD3ABC/file"))
        .contains(new ApiRoutes.Match("GET /integrations/{id}/file", Map.of("id", "01JD3ABC")));
    assertThat(routes.match("POST", "/integrations/42/cancel"))
        .contains(new ApiRoutes.Match("POST /integrations/{id}/cancel", Map.of("id", "42")));
  }

  @Test
  void theMethodIsPartOfTheRoute() {
    assertThat(routes.match("DELETE", "/integrations")).isEmpty();
    assertThat(routes.match("PUT", "/settings/accounts")).map(ApiRoutes.Match::routeKey).contains("PUT /settings/accounts");
  }

  @Test
  void unknownOrPartialPathsDoNotMatch() {
    assertThat(routes.match("GET", "/integrations/1/unknown")).isEmpty();
    assertThat(routes.match("GET", "/integrations//file")).isEmpty();
    assertThat(routes.match("GET", "/")).isEmpty();
  }

  @Test
  void everyTemplateRouteIsKnown() {
    assertThat(ApiRoutes.ROUTE_KEYS).hasSize(26).doesNotHaveDuplicates();
  }
}
