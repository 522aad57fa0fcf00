package br.bankhistory.history.handler;

import br.bankhistory.history.domain.BankAccount;
import br.bankhistory.history.domain.InvalidRequestException;
import br.bankhistory.history.domain.PayloadTooLargeException;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/** Read access to an HTTP API event: route, path id, query, headers, JSON body; bad input is a 400. */
final class ApiRequest {

    private static final int MAX_BODY_CHARS = 64 * 1024;
    private static final Set<String> ACCOUNT_FIELDS = Set.of("bankCode", "agency", "account", "agreement",
            "companyDocument", "transferConnectorId", "remoteDirectory");
    /** Lambda's synchronous invocation payload limit is 6 MB: a larger body never reaches the function. */
    static final int MAX_LARGE_BODY_CHARS = 6 * 1024 * 1024;

    private final APIGatewayV2HTTPEvent event;
    private final Supplier<ObjectMapper> json;

    /** The mapper is built at the first body read: a GET never asks for it. */
    ApiRequest(APIGatewayV2HTTPEvent event, Supplier<ObjectMapper> json) {
        this.event = event;
        this.json = json;
    }

    String route() {
        return event.getRouteKey() == null ? "" : event.getRouteKey();
    }

    String path() {
        return event.getRawPath() == null ? "" : event.getRawPath();
    }

    String id() {
        return event.getPathParameters() == null ? "" : event.getPathParameters().getOrDefault("id", "");
    }

    Map<String, String> query() {
        return event.getQueryStringParameters() == null ? Map.of() : event.getQueryStringParameters();
    }

    Optional<String> optionalQuery(String name) {
        return Optional.ofNullable(query().get(name)).filter(value -> !value.isEmpty());
    }

    int intQuery(String name, int fallback) {
        String value = query().get(name);
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidRequestException("O parâmetro " + name + " deve ser um número inteiro.");
        }
    }

    /** A header by its name in any case (API Gateway sends them lower-cased; other fronts may not). */
    Optional<String> header(String name) {
        if (event.getHeaders() == null) {
            return Optional.empty();
        }
        String exact = event.getHeaders().get(name);
        if (exact != null) {
            return Optional.of(exact);
        }
        return event.getHeaders().entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue).findFirst();
    }

    /** Whether the request changes something (its route then runs through the Idempotency-Key handling). */
    boolean mutating() {
        String method = route().split(" ", 2)[0];
        return method.equals("POST") || method.equals("PUT") || method.equals("PATCH") || method.equals("DELETE");
    }

    /** The body as received (decoded when the event carries it in base64), empty when there is none. */
    String rawBody() {
        String body = event.getBody();
        if (body == null) {
            return "";
        }
        if (event.getIsBase64Encoded()) {
            try {
                return new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new InvalidRequestException("O corpo da requisição não pôde ser lido.");
            }
        }
        return body;
    }

    boolean acceptsJson() {
        return header("accept").map(accept -> accept.contains("application/json")).orElse(false);
    }

    JsonNode jsonBody() {
        return jsonBody(MAX_BODY_CHARS);
    }

    /**
     * The body as a JSON object, at most {@code maxChars} characters (413 above), sent as JSON: a body of any
     * other content type ({@code curl -d} sends a form, {@code text/plain} a text) is refused with 415.
     */
    JsonNode jsonBody(int maxChars) {
        String body = rawBody();
        if (body.isBlank()) {
            throw new InvalidRequestException("O corpo da requisição deve ser um objeto JSON.");
        }
        String type = header("content-type").map(t -> t.split(";", 2)[0].strip().toLowerCase(Locale.ROOT)).orElse("");
        if (!type.equals("application/json") && !(type.startsWith("application/") && type.endsWith("+json"))) {
            throw new UnsupportedMediaTypeException("Envie o corpo em JSON, com o cabeçalho Content-Type: "
                    + "application/json" + (type.isEmpty() ? "." : " (recebido: " + type + ")."));
        }
        if (body.length() > maxChars) {
            throw new PayloadTooLargeException("O corpo da requisição passa de " + maxChars / 1024 + " KiB.");
        }
        try {
            JsonNode node = json.get().readTree(body);
            if (node == null || !node.isObject()) {
                throw new InvalidRequestException("O corpo da requisição deve ser um objeto JSON.");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new InvalidRequestException("O corpo da requisição não é um JSON válido.");
        }
    }

    /**
     * The body as a JSON object with no field but {@code allowed}: a misspelt field ("motivo" for "reason") is
     * refused naming it, not silently ignored (docs/openapi.yaml, {@code additionalProperties: false}).
     */
    JsonNode jsonBody(Set<String> allowed) {
        JsonNode body = jsonBody();
        onlyFields(body, "", allowed);
        return body;
    }

    static void onlyFields(JsonNode object, String where, Set<String> allowed) {
        object.fieldNames().forEachRemaining(name -> {
            if (!allowed.contains(name)) {
                throw new InvalidRequestException("Campo desconhecido" + (where.isEmpty() ? "" : " em " + where)
                        + ": " + name + ". Aceitos: " + String.join(", ", new java.util.TreeSet<>(allowed)) + ".");
            }
        });
    }

    /** A JSON array of bank accounts in the body ({bankCode, agency, account, agreement, companyDocument}). */
    List<BankAccount> accounts(String field) {
        JsonNode node = jsonBody(Set.of(field)).get(field);
        if (node == null || !node.isArray()) {
            throw new InvalidRequestException("O campo " + field + " deve ser uma lista de contas.");
        }
        List<BankAccount> accounts = new ArrayList<>();
        node.forEach(a -> {
            if (!a.isObject()) {
                throw new InvalidRequestException("Cada conta deve ser um objeto.");
            }
            onlyFields(a, field + "[]", ACCOUNT_FIELDS);
            accounts.add(new BankAccount(a.path("bankCode").asText(""), a.path("agency").asText(""),
                    a.path("account").asText(""), a.path("agreement").asText(""),
                    a.path("companyDocument").asText(""), a.path("transferConnectorId").asText(""),
                    a.path("remoteDirectory").asText("")));
        });
        return accounts;
    }

    /** A JSON array of strings in the body, or null when absent. */
    List<String> stringList(String field) {
        JsonNode node = jsonBody(Set.of(field)).get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isArray()) {
            throw new InvalidRequestException("O campo " + field + " deve ser uma lista de textos.");
        }
        List<String> values = new ArrayList<>();
        node.forEach(element -> {
            if (!element.isTextual()) {
                throw new InvalidRequestException("O campo " + field + " deve ser uma lista de textos.");
            }
            values.add(element.asText());
        });
        return values;
    }
}
