package br.bankhistory.history.handler;

import br.bankhistory.history.wiring.ApiWiring;
import br.bankhistory.history.command.CreateUpload;
import br.bankhistory.history.domain.ConflictException;
import br.bankhistory.history.domain.ForbiddenException;
import br.bankhistory.history.domain.Identity;
import br.bankhistory.history.domain.InvalidRequestException;
import br.bankhistory.history.domain.PayloadTooLargeException;
import br.bankhistory.history.domain.PendingInstruction;
import br.bankhistory.history.domain.RemessaLifecycle;
import br.bankhistory.history.idempotency.IdempotentRequests;
import br.bankhistory.history.log.JsonLog;
import br.bankhistory.history.log.LogContext;
import br.bankhistory.history.port.IdempotencyStore;
import br.bankhistory.history.query.ListInstructions;
import br.bankhistory.history.query.ListIntegrations;
import br.bankhistory.history.query.ListItems;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/** The HTTP API (payload format 2.0): routes each request to its use case and the result to a response. */
public final class ApiHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private static final JsonLog LOG = JsonLog.of(ApiHandler.class);

    private static final class Production {
        static final ApiWiring WIRING = ApiWiring.fromEnvironment();
        /** Held so the checkpoint hook stays registered (docs/benchmarks.md, "Cold start"). */
        static final Priming PRIMING = Priming.register(Priming.forApi(WIRING));
    }

    private final ApiWiring wiring;
    private final Responses responses;

    /** The Lambda runtime's constructor: production wiring from the environment, built once per sandbox. */
    public ApiHandler() {
        this(Production.WIRING);
    }

    public ApiHandler(ApiWiring wiring) {
        this.wiring = wiring;
        this.responses = new Responses(wiring.json());
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        try (LogContext log = LogContext.open(ApiHandler.class, requestId(event, context))) {
            ApiRequest request = new ApiRequest(event, wiring.json());
            Optional<Identity> identity = Claims.identity(event);
            if (identity.isEmpty()) {
                return responses.unauthorized(request.path());
            }
            APIGatewayV2HTTPResponse response;
            try {
                response = guarded(request, () -> request.mutating()
                        ? idempotent(request, identity.get(), () -> mutate(request, identity.get()))
                        : read(request, identity.get()));
            } catch (RuntimeException unexpected) {
                // Nobody planned for it: the caller gets a 500 naming the request, the log the whole story.
                LOG.error("api.failed", Map.of("route", request.route(), "tenant", identity.get().tenant(),
                        "error", String.valueOf(unexpected), "stack", JsonLog.stackTrace(unexpected)));
                response = responses.serverError(LogContext.requestId(), request.path());
            }
            LOG.info("api.request", Map.of("route", request.route(), "tenant", identity.get().tenant(),
                    "status", response.getStatusCode()));
            return response;
        }
    }

    /** Routes that only read. */
    private APIGatewayV2HTTPResponse read(ApiRequest request, Identity caller) {
        String instance = request.path();
        return switch (request.route()) {
            case "GET /integrations" -> list(request, caller);
            case "GET /integrations/{id}" -> orNotFound(wiring.getIntegration().get(caller, request.id())
                    .map(detail -> responses.ok(Views.detail(detail))), instance);
            case "GET /integrations/{id}/items" -> items(request, caller);
            case "GET /integrations/{id}/file" -> orNotFound(wiring.downloadOriginal()
                    .link(caller.tenant(), request.id()).map(url -> request.acceptsJson()
                            ? responses.ok(Map.of("url", url.toString()))
                            : responses.redirect(url)), instance);
            case "GET /settings/notifications" -> responses.ok(
                    Map.of("recipients", wiring.notificationSettings().recipients(caller)));
            case "GET /items" -> responses.ok(Map.of("items", wiring.findItems()
                    .byOurNumber(caller.tenant(), request.query().getOrDefault("ourNumber", ""))
                    .stream().map(Views::hit).toList()));
            case "GET /integrations/{id}/statement" -> orNotFound(wiring.statementLink()
                    .link(caller.tenant(), request.id()).map(url -> request.acceptsJson()
                            ? responses.ok(Map.of("url", url.toString()))
                            : responses.redirect(url)), instance);
            case "GET /settings/accounts" -> responses.ok(Map.of("accounts",
                    Views.accounts(wiring.accountSettings().accounts(caller))));
            case "GET /instructions" -> responses.ok(InstructionViews.page(wiring.listInstructions().page(
                    caller.tenant(), request.query().getOrDefault("status", "PENDING"), request.optionalQuery("cursor"),
                    request.intQuery("limit", ListInstructions.DEFAULT_LIMIT)), caller, wiring.json()));
            case "GET /settings/approvals" -> responses.ok(ApprovalRequests.view(
                    wiring.approvalSettings().rules(caller)));
            case "GET /settings/schedule" -> responses.ok(ScheduleRequests.view(
                    wiring.scheduleSettings().schedule(caller)));
            case "GET /approvals" -> responses.ok(Map.of("items", wiring.listApprovals().waitingFor(caller).stream()
                    .map(r -> Views.row(r, caller)).toList()));
            case "GET /banks" -> responses.ok(Map.of("banks",
                    wiring.listBanks().all().stream().map(Views::bank).toList()));
            default -> responses.notFound(instance);
        };
    }

    /** Routes that change something: each runs through the Idempotency-Key handling. */
    private APIGatewayV2HTTPResponse mutate(ApiRequest request, Identity caller) {
        String instance = request.path();
        return switch (request.route()) {
            case "POST /integrations/{id}/cancel" -> cancel(request, caller);
            case "POST /uploads" -> upload(request, caller);
            case "PUT /settings/notifications" -> responses.ok(Map.of("recipients",
                    wiring.notificationSettings().replace(caller, request.stringList("recipients"))));
            case "PUT /settings/accounts" -> responses.ok(Map.of("accounts", Views.accounts(
                    wiring.accountSettings().replace(caller, request.accounts("accounts")))));
            case "PUT /settings/approvals" -> responses.ok(ApprovalRequests.view(wiring.approvalSettings()
                    .replace(caller, ApprovalRequests.parse(request.jsonBody()))));
            case "PUT /settings/schedule" -> responses.ok(ScheduleRequests.view(wiring.scheduleSettings()
                    .replace(caller, ScheduleRequests.parse(request.jsonBody()))));
            case "POST /integrations/{id}/approve" -> orNotFound(wiring.decideApproval()
                    .approve(caller, request.id()).map(r -> responses.ok(Views.row(r, caller))), instance);
            case "POST /integrations/{id}/reject" -> orNotFound(wiring.decideApproval()
                    .reject(caller, request.id(), reason(request)).map(r -> responses.ok(Views.row(r, caller))), instance);
            case "POST /integrations/{id}/deliver" -> orNotFound(wiring.requestDelivery()
                    .request(caller, request.id()).map(r -> responses.ok(Views.row(r, caller))), instance);
            case "POST /integrations/{id}/reprocess" -> orNotFound(wiring.reprocessRecord()
                    .reprocess(caller, request.id()).map(record -> responses.ok(Views.row(record, caller))), instance);
            case "POST /remittances" -> remittance(request, caller);
            case "POST /instructions" -> instruction(request, caller);
            case "POST /instructions/{id}/cancel" -> orNotFound(wiring.pendingInstructions()
                    .cancel(caller, request.id(), request.rawBody().isBlank() ? "" : reason(request))
                    .map(i -> responses.ok(InstructionViews.instruction(i, Optional.empty(), caller,
                            wiring.json()))), instance);
            case "POST /integrations/{id}/release" -> orNotFound(wiring.releaseHeldFile()
                    .release(caller, request.id(), reason(request)).map(r -> responses.ok(Views.row(r, caller))),
                    instance);
            case "POST /integrations/{id}/discard" -> orNotFound(wiring.releaseHeldFile()
                    .discard(caller, request.id(), reason(request)).map(r -> responses.ok(Views.row(r, caller))),
                    instance);
            default -> responses.notFound(instance);
        };
    }

    /** The use cases' refusals as problem responses, in one place. */
    private APIGatewayV2HTTPResponse guarded(ApiRequest request, Supplier<APIGatewayV2HTTPResponse> action) {
        String instance = request.path();
        try {
            return action.get();
        } catch (InvalidRequestException e) {
            return responses.badRequest(e.getMessage(), instance, e.code());
        } catch (ForbiddenException e) {
            return responses.problem(403, "Acesso negado", e.getMessage(), instance);
        } catch (ConflictException e) {
            return responses.problem(409, "Conflito", e.getMessage(), instance);
        } catch (PayloadTooLargeException e) {
            return responses.problem(413, "Grande demais", e.getMessage(), instance);
        } catch (UnsupportedMediaTypeException e) {
            return responses.problem(415, "Tipo de conteúdo não aceito", e.getMessage(), instance);
        }
    }

    private APIGatewayV2HTTPResponse list(ApiRequest request, Identity caller) {
        int limit = request.intQuery("limit", ListIntegrations.DEFAULT_LIMIT);
        ListIntegrations.Page page = wiring.listIntegrations().page(caller.tenant(),
                ListFilters.from(request.query()), request.optionalQuery("cursor"), limit);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", Views.rows(page.records(), caller));
        body.put("nextCursor", page.nextCursor().orElse(null));
        return responses.ok(body);
    }

    private APIGatewayV2HTTPResponse items(ApiRequest request, Identity caller) {
        int limit = request.intQuery("limit", ListItems.DEFAULT_LIMIT);
        return orNotFound(wiring.listItems().page(caller.tenant(), request.id(), request.optionalQuery("cursor"),
                limit).map(page -> {
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put("items", page.items().stream().map(item -> Views.item(item,
                            RemessaLifecycle.freeForNewRemittance(page.record(), item))).toList());
                    body.put("nextCursor", page.nextCursor().orElse(null));
                    return responses.ok(body);
                }), request.path());
    }

    private static String reason(ApiRequest request) {
        JsonNode body = request.jsonBody(Set.of("reason"));
        return body.path("reason").isTextual() ? body.get("reason").asText() : "";
    }

    private APIGatewayV2HTTPResponse cancel(ApiRequest request, Identity caller) {
        JsonNode body = request.jsonBody(Set.of("reason", "bankNotified"));
        JsonNode notified = body.path("bankNotified");
        if (!notified.isMissingNode() && !notified.isNull() && !notified.isBoolean()) {
            throw new InvalidRequestException("bankNotified: informe true (pedi ao banco que não processe a remessa) "
                    + "ou false.");
        }
        String reason = body.path("reason").isTextual() ? body.get("reason").asText() : "";
        return orNotFound(wiring.cancelRemittance().cancel(caller, request.id(), reason, notified.asBoolean(false))
                .map(result -> responses.ok(Views.cancelled(result))), request.path());
    }

    private APIGatewayV2HTTPResponse upload(ApiRequest request, Identity caller) {
        JsonNode body = request.jsonBody(Set.of("fileName", "sizeBytes"));
        if (!body.path("fileName").isTextual() || !body.path("sizeBytes").isIntegralNumber()
                || !body.path("sizeBytes").canConvertToLong()) {
            throw new InvalidRequestException("Informe fileName (texto) e sizeBytes (número inteiro de bytes).");
        }
        CreateUpload.Upload upload = wiring.createUpload().create(caller, body.get("fileName").asText(),
                body.get("sizeBytes").asLong());
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("uploadUrl", upload.presigned().url().toString());
        answer.put("method", "PUT");
        answer.put("headers", upload.presigned().headers());
        answer.put("key", upload.key());
        answer.put("expiresAt", upload.expiresAt().toString());
        return responses.ok(answer);
    }

    private APIGatewayV2HTTPResponse remittance(ApiRequest request, Identity caller) {
        JsonNode body = request.jsonBody(ApiRequest.MAX_LARGE_BODY_CHARS);
        return responses.accepted(Views.remittance(wiring.generateRemittance().generate(caller,
                RemittanceRequests.parse(body))));
    }

    private APIGatewayV2HTTPResponse instruction(ApiRequest request, Identity caller) {
        JsonNode body = request.jsonBody();
        PendingInstruction created = wiring.pendingInstructions().create(caller,
                RemittanceRequests.parseInstruction(body), body.toString());
        return responses.created(InstructionViews.instruction(created, Optional.empty(), caller, wiring.json()));
    }

    /**
     * With an {@code Idempotency-Key}, the request runs at most once ({@link IdempotentRequests}); without
     * one, it simply runs.
     */
    private APIGatewayV2HTTPResponse idempotent(ApiRequest request, Identity caller,
                                                Supplier<APIGatewayV2HTTPResponse> action) {
        Optional<String> key = request.header("idempotency-key");
        if (key.isEmpty()) {
            return action.get();
        }
        if (!key.get().matches("[A-Za-z0-9._:-]{8,128}")) {
            throw new InvalidRequestException("Idempotency-Key inválida (8 a 128 letras, dígitos, . _ : -).");
        }
        IdempotentRequests.Outcome outcome = wiring.idempotentRequests().run(new IdempotentRequests.Request(
                caller.tenant(), key.get(), request.route(), request.id(), caller.userId(), request.rawBody()),
                () -> {
                    APIGatewayV2HTTPResponse fresh = guarded(request, action);
                    return new IdempotencyStore.Answer(fresh.getStatusCode(), fresh.getBody());
                });
        String instance = request.path();
        if (outcome instanceof IdempotentRequests.Outcome.Fresh fresh) {
            return responses.replay(fresh.answer().status(), fresh.answer().body());
        }
        if (outcome instanceof IdempotentRequests.Outcome.Replayed replayed) {
            return responses.replay(replayed.answer().status(), replayed.answer().body());
        }
        if (outcome instanceof IdempotentRequests.Outcome.InProgress running) {
            return responses.inProgress(running.retryAfter(), instance);
        }
        return responses.problem(422, "Idempotency-Key reutilizada", "Esta Idempotency-Key já foi usada em outra "
                + "requisição (outra rota, outro registro, outro usuário ou outro corpo). Use uma chave nova para "
                + "cada requisição diferente.", instance);
    }

    private static String requestId(APIGatewayV2HTTPEvent event, Context context) {
        if (context != null && context.getAwsRequestId() != null) {
            return context.getAwsRequestId();
        }
        if (event.getRequestContext() != null && event.getRequestContext().getRequestId() != null) {
            return event.getRequestContext().getRequestId();
        }
        return UUID.randomUUID().toString();
    }

    private APIGatewayV2HTTPResponse orNotFound(Optional<APIGatewayV2HTTPResponse> response, String instance) {
        return response.orElseGet(() -> responses.notFound(instance));
    }

}
