package br.bankhistory.history.handler;

import br.bankhistory.history.domain.Identity;
import br.bankhistory.history.domain.RemessaLifecycle;
import br.bankhistory.history.query.ListInstructions;
import br.bankhistory.history.query.ListIntegrations;
import br.bankhistory.history.query.ListItems;
import br.bankhistory.history.wiring.ApiWiring;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The routes that only read (GET): each to its use case and its result to a view. */
final class ReadRoutes {

    private final ApiWiring wiring;
    private final Responses responses;

    ReadRoutes(ApiWiring wiring, Responses responses) {
        this.wiring = wiring;
        this.responses = responses;
    }

    /** Routes that only read. */
    APIGatewayV2HTTPResponse route(ApiRequest request, Identity caller) {
        String instance = request.path();
        return switch (request.route()) {
            case "GET /integrations" -> list(request, caller);
            case "GET /integrations/{id}" -> responses.orNotFound(wiring.getIntegration().get(caller, request.id())
                    .map(detail -> responses.ok(RecordViews.detail(detail))), instance);
            case "GET /integrations/{id}/items" -> items(request, caller);
            case "GET /integrations/{id}/file" -> link(request, wiring.downloadOriginal().link(caller.tenant(), request.id()));
            case "GET /settings/notifications" -> responses.ok(
                    Map.of("recipients", wiring.notificationSettings().recipients(caller)));
            case "GET /items" -> responses.ok(Map.of("items", wiring.findItems()
                    .byOurNumber(caller.tenant(), request.query().getOrDefault("ourNumber", ""))
                    .stream().map(ItemViews::hit).toList()));
            case "GET /integrations/{id}/statement" -> link(request, wiring.statementLink().link(caller.tenant(), request.id()));
            case "GET /settings/accounts" -> responses.ok(Map.of("accounts",
                    BankViews.accounts(wiring.accountSettings().accounts(caller))));
            case "GET /instructions" -> responses.ok(InstructionViews.page(wiring.listInstructions().page(
                    caller.tenant(), request.query().getOrDefault("status", "PENDING"), request.optionalQuery("cursor"),
                    request.intQuery("limit", ListInstructions.DEFAULT_LIMIT)), caller, wiring.json()));
            case "GET /settings/approvals" -> responses.ok(ApprovalRequests.view(
                    wiring.approvalSettings().rules(caller)));
            case "GET /settings/schedule" -> responses.ok(ScheduleRequests.view(
                    wiring.scheduleSettings().schedule(caller)));
            case "GET /approvals" -> responses.ok(Map.of("items", wiring.listApprovals().waitingFor(caller).stream()
                    .map(r -> RecordViews.row(r, caller)).toList()));
            case "GET /banks" -> responses.ok(Map.of("banks",
                    wiring.listBanks().all().stream().map(BankViews::bank).toList()));
            default -> responses.notFound(instance);
        };
    }

    private APIGatewayV2HTTPResponse list(ApiRequest request, Identity caller) {
        int limit = request.intQuery("limit", ListIntegrations.DEFAULT_LIMIT);
        ListIntegrations.Page page = wiring.listIntegrations().page(caller.tenant(),
                ListFilters.from(request.query()), request.optionalQuery("cursor"), limit);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", RecordViews.rows(page.records(), caller));
        body.put("nextCursor", page.nextCursor().orElse(null));
        return responses.ok(body);
    }

    private APIGatewayV2HTTPResponse items(ApiRequest request, Identity caller) {
        int limit = request.intQuery("limit", ListItems.DEFAULT_LIMIT);
        return responses.orNotFound(wiring.listItems().page(caller.tenant(), request.id(), request.optionalQuery("cursor"),
                limit).map(page -> {
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put("items", page.items().stream().map(item -> ItemViews.item(item,
                            RemessaLifecycle.freeForNewRemittance(page.record(), item))).toList());
                    body.put("nextCursor", page.nextCursor().orElse(null));
                    return responses.ok(body);
                }), request.path());
    }

    /** A download link: as JSON to a caller that asks for it, else a redirect to it; 404 without a file. */
    private APIGatewayV2HTTPResponse link(ApiRequest request, Optional<URI> url) {
        return responses.orNotFound(url.map(u -> request.acceptsJson()
                ? responses.ok(Map.of("url", u.toString()))
                : responses.redirect(u)), request.path());
    }
}
