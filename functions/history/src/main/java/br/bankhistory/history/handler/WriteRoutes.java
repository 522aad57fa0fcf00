package br.bankhistory.history.handler;

import br.bankhistory.history.command.CreateUpload;
import br.bankhistory.history.domain.Identity;
import br.bankhistory.history.domain.InvalidRequestException;
import br.bankhistory.history.domain.PendingInstruction;
import br.bankhistory.history.wiring.ApiWiring;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The routes that change something: each to its use case and its result to a view. {@link ApiHandler} runs
 * them through the Idempotency-Key handling. */
final class WriteRoutes {

    private final ApiWiring wiring;
    private final Responses responses;

    WriteRoutes(ApiWiring wiring, Responses responses) {
        this.wiring = wiring;
        this.responses = responses;
    }

    /** Routes that change something: each runs through the Idempotency-Key handling. */
    APIGatewayV2HTTPResponse route(ApiRequest request, Identity caller) {
        String instance = request.path();
        return switch (request.route()) {
            case "POST /integrations/{id}/cancel" -> cancel(request, caller);
            case "POST /uploads" -> upload(request, caller);
            case "PUT /settings/notifications" -> responses.ok(Map.of("recipients",
                    wiring.notificationSettings().replace(caller, request.stringList("recipients"))));
            case "PUT /settings/accounts" -> responses.ok(Map.of("accounts", BankViews.accounts(
                    wiring.accountSettings().replace(caller, request.accounts("accounts")))));
            case "PUT /settings/approvals" -> responses.ok(ApprovalRequests.view(wiring.approvalSettings()
                    .replace(caller, ApprovalRequests.parse(request.jsonBody()))));
            case "PUT /settings/schedule" -> responses.ok(ScheduleRequests.view(wiring.scheduleSettings()
                    .replace(caller, ScheduleRequests.parse(request.jsonBody()))));
            case "POST /integrations/{id}/approve" -> responses.orNotFound(wiring.decideApproval()
                    .approve(caller, request.id()).map(r -> responses.ok(RecordViews.row(r, caller))), instance);
            case "POST /integrations/{id}/reject" -> responses.orNotFound(wiring.decideApproval()
                    .reject(caller, request.id(), reason(request)).map(r -> responses.ok(RecordViews.row(r, caller))), instance);
            case "POST /integrations/{id}/deliver" -> responses.orNotFound(wiring.requestDelivery()
                    .request(caller, request.id()).map(r -> responses.ok(RecordViews.row(r, caller))), instance);
            case "POST /integrations/{id}/reprocess" -> responses.orNotFound(wiring.reprocessRecord()
                    .reprocess(caller, request.id()).map(record -> responses.ok(RecordViews.row(record, caller))), instance);
            case "POST /remittances" -> remittance(request, caller);
            case "POST /instructions" -> instruction(request, caller);
            case "POST /instructions/{id}/cancel" -> responses.orNotFound(wiring.pendingInstructions()
                    .cancel(caller, request.id(), request.rawBody().isBlank() ? "" : reason(request))
                    .map(i -> responses.ok(InstructionViews.instruction(i, Optional.empty(), caller,
                            wiring.json()))), instance);
            case "POST /integrations/{id}/release" -> responses.orNotFound(wiring.releaseHeldFile()
                    .release(caller, request.id(), reason(request)).map(r -> responses.ok(RecordViews.row(r, caller))),
                    instance);
            case "POST /integrations/{id}/discard" -> responses.orNotFound(wiring.releaseHeldFile()
                    .discard(caller, request.id(), reason(request)).map(r -> responses.ok(RecordViews.row(r, caller))),
                    instance);
            default -> responses.notFound(instance);
        };
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
        return responses.orNotFound(wiring.cancelRemittance().cancel(caller, request.id(), reason, notified.asBoolean(false))
                .map(result -> responses.ok(RecordViews.cancelled(result))), request.path());
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
        return responses.accepted(RecordViews.remittance(wiring.generateRemittance().generate(caller,
                RemittanceRequests.parse(body))));
    }

    private APIGatewayV2HTTPResponse instruction(ApiRequest request, Identity caller) {
        JsonNode body = request.jsonBody();
        PendingInstruction created = wiring.pendingInstructions().create(caller,
                RemittanceRequests.parseInstruction(body), body.toString());
        return responses.created(InstructionViews.instruction(created, Optional.empty(), caller, wiring.json()));
    }
}
