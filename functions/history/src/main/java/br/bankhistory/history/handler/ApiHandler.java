package br.bankhistory.history.handler;

import br.bankhistory.history.Services;
import br.bankhistory.history.domain.Identity;
import br.bankhistory.history.log.JsonLog;
import br.bankhistory.history.query.Cursor;
import br.bankhistory.history.query.ListIntegrations;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The HTTP API (payload format 2.0): routes each request to its use case and the result to a response. */
public final class ApiHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private static final JsonLog LOG = JsonLog.of(ApiHandler.class);

    private static final class Production {
        static final Services SERVICES = Services.fromEnvironment();
    }

    private final Services services;
    private final Responses responses;

    /** The Lambda runtime's constructor: production wiring from the environment, built once per sandbox. */
    public ApiHandler() {
        this(Production.SERVICES);
    }

    public ApiHandler(Services services) {
        this.services = services;
        this.responses = new Responses(services.json());
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        String route = event.getRouteKey() == null ? "" : event.getRouteKey();
        String instance = event.getRawPath() == null ? "" : event.getRawPath();
        Optional<Identity> identity = Claims.identity(event);
        if (identity.isEmpty()) {
            return responses.unauthorized(instance);
        }
        APIGatewayV2HTTPResponse response = switch (route) {
            case "GET /integrations" -> list(identity.get(), query(event), instance);
            case "GET /integrations/{id}/file" -> download(identity.get(), pathId(event), wantsJson(event), instance);
            default -> responses.notFound(instance);
        };
        LOG.info("api.request", Map.of("route", route, "tenant", identity.get().tenant(),
                "status", response.getStatusCode()));
        return response;
    }

    private APIGatewayV2HTTPResponse list(Identity identity, Map<String, String> query, String instance) {
        int limit = ListIntegrations.DEFAULT_LIMIT;
        String rawLimit = query.get("limit");
        if (rawLimit != null) {
            try {
                limit = Integer.parseInt(rawLimit);
            } catch (NumberFormatException e) {
                limit = -1;
            }
            if (limit < 1 || limit > ListIntegrations.MAX_LIMIT) {
                return responses.badRequest("O parâmetro limit deve estar entre 1 e "
                        + ListIntegrations.MAX_LIMIT + ".", instance);
            }
        }
        Optional<String> after = Optional.empty();
        String cursor = query.get("cursor");
        if (cursor != null && !cursor.isEmpty()) {
            after = Cursor.decode(identity.tenant(), cursor);
            if (after.isEmpty()) {
                return responses.badRequest("O cursor informado não é válido.", instance);
            }
        }
        ListIntegrations.Page page = services.listIntegrations().page(identity.tenant(), after, limit);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", page.records().stream().map(IntegrationSummaryView::of).toList());
        body.put("nextCursor", page.nextCursor().orElse(null));
        return responses.ok(body);
    }

    /**
     * A browser navigating to the route follows the 302; a script that sends a bearer token cannot read a
     * cross-origin redirect, so with {@code Accept: application/json} it gets {@code {"url": ...}} instead.
     */
    private APIGatewayV2HTTPResponse download(Identity identity, String id, boolean json, String instance) {
        return services.downloadOriginal().link(identity.tenant(), id)
                .map(url -> json ? responses.ok(Map.of("url", url.toString())) : responses.redirect(url))
                .orElseGet(() -> responses.notFound(instance));
    }

    private static boolean wantsJson(APIGatewayV2HTTPEvent event) {
        String accept = event.getHeaders() == null ? null : event.getHeaders().get("accept");
        return accept != null && accept.contains("application/json");
    }

    private static Map<String, String> query(APIGatewayV2HTTPEvent event) {
        return event.getQueryStringParameters() == null ? Map.of() : event.getQueryStringParameters();
    }

    private static String pathId(APIGatewayV2HTTPEvent event) {
        return event.getPathParameters() == null ? "" : event.getPathParameters().getOrDefault("id", "");
    }
}
