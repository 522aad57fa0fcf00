package br.bankhistory.history.handler;

import br.bankhistory.history.config.PlainJson;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** HTTP responses: JSON bodies, RFC 9457 problem details (pt-BR), redirects. */
final class Responses {

    private final Supplier<ObjectMapper> json;

    /** The mapper is asked for only by a body that is not {@link PlainJson#writeIfPlain} (a JSON tree of a request). */
    Responses(Supplier<ObjectMapper> json) {
        this.json = json;
    }

    APIGatewayV2HTTPResponse ok(Object body) {
        return jsonBody(200, body);
    }

    /** Created: the new resource is the body. */
    APIGatewayV2HTTPResponse created(Object body) {
        return jsonBody(201, body);
    }

    /** Accepted: the work is done as far as this request goes; what follows happens asynchronously. */
    APIGatewayV2HTTPResponse accepted(Object body) {
        return jsonBody(202, body);
    }

    /** A JSON body with that status. */
    private APIGatewayV2HTTPResponse jsonBody(int status, Object body) {
        return uncached(status, "application/json", write(body));
    }

    /** A body of that type the client and every cache on the way must not keep. */
    private static APIGatewayV2HTTPResponse uncached(int status, String contentType, String body) {
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(status)
                .withHeaders(Map.of("content-type", contentType, "cache-control", "no-store"))
                .withBody(body)
                .build();
    }

    /** An answer kept for an Idempotency-Key (given fresh or again to a repetition), as it was kept. */
    APIGatewayV2HTTPResponse replay(int status, String body) {
        return uncached(status, status >= 400 ? "application/problem+json" : "application/json", body);
    }

    /** The same Idempotency-Key request is still running: 409 with {@code Retry-After}. */
    APIGatewayV2HTTPResponse inProgress(Duration retryAfter, String instance) {
        long seconds = Math.max(1, retryAfter.toSeconds());
        APIGatewayV2HTTPResponse conflict = problem(409, "Em andamento", "Uma requisição com esta Idempotency-Key "
                + "ainda está em andamento; repita-a em " + seconds + " s para receber a resposta dela.", instance);
        Map<String, String> headers = new LinkedHashMap<>(conflict.getHeaders());
        headers.put("retry-after", Long.toString(seconds));
        conflict.setHeaders(headers);
        return conflict;
    }

    /** An error nobody planned for: the request id lets the operator find its log line (with the stack). */
    APIGatewayV2HTTPResponse serverError(String requestId, String instance) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", "Erro interno");
        body.put("status", 500);
        body.put("detail", "Ocorreu um erro inesperado. Tente de novo em instantes; se persistir, informe ao "
                + "suporte o identificador " + requestId + ".");
        body.put("instance", instance);
        body.put("requestId", requestId);
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(500)
                .withHeaders(Map.of("content-type", "application/problem+json", "cache-control", "no-store",
                        "x-request-id", requestId))
                .withBody(write(body))
                .build();
    }

    APIGatewayV2HTTPResponse redirect(URI location) {
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(302)
                .withHeaders(Map.of("location", location.toString(), "cache-control", "no-store"))
                .build();
    }

    APIGatewayV2HTTPResponse problem(int status, String title, String detail, String instance) {
        return problem(status, title, detail, instance, "");
    }

    /** A problem with a stable {@code code} a client can act on (none when empty). */
    APIGatewayV2HTTPResponse problem(int status, String title, String detail, String instance, String code) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        body.put("instance", instance);
        if (!code.isEmpty()) {
            body.put("code", code);
        }
        return uncached(status, "application/problem+json", write(body));
    }

    APIGatewayV2HTTPResponse unauthorized(String instance) {
        return problem(401, "Não autenticado", "A requisição não traz uma identidade válida.", instance);
    }

    /** The response the use case gave, or 404 when it found nothing. */
    APIGatewayV2HTTPResponse orNotFound(Optional<APIGatewayV2HTTPResponse> response, String instance) {
        return response.orElseGet(() -> notFound(instance));
    }

    APIGatewayV2HTTPResponse notFound(String instance) {
        return problem(404, "Não encontrado", "O recurso pedido não existe.", instance);
    }

    APIGatewayV2HTTPResponse badRequest(String detail, String instance, String code) {
        return problem(400, "Requisição inválida", detail, instance, code);
    }

    private String write(Object body) {
        Optional<String> plain = PlainJson.writeIfPlain(body);
        if (plain.isPresent()) {
            return plain.get();
        }
        try {
            return json.get().writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("response body cannot be serialised", e);
        }
    }
}
