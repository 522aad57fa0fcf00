package br.bankhistory.history.openapi;

import br.bankhistory.history.domain.Reconciliation;
import br.bankhistory.history.domain.RecordStatus;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.ValidationMessage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code docs/openapi.yaml} on its own: it names exactly the routes the handler answers and the template
 * deploys, its references resolve, its objects list their required properties and forbid unknown ones, its
 * errors are problem details, and its examples are valid.
 */
class OpenApiDocumentTest {

    /** Per-key maps: a key is present only when there is something to count, so none is required. */
    private static final Set<String> MAPS = Set.of("FindingCounts", "TotalsByCategory");
    /** Request bodies: they require what the handler needs; every answer's object requires all it has. */
    private static final Set<String> INPUTS = Set.of("CancelRequest", "CancelRemittanceRequest", "UploadRequest", "AccountSettingsRequest",
            "BankAccountInput", "RemittanceRequest", "RemittanceHeader", "RemittanceTitle", "RemittanceParty",
            "RemittanceCharge", "RemittanceTransfer", "RemittanceBoleto", "InstructionRequest",
            "InstructionCancelRequest", "ScheduleSettingsRequest", "ScheduleAccountRequest");
    private static final Set<String> GATEWAY_ONLY = Set.of("429", "503");
    /** The function's own problem, or API Gateway's body when the function could not answer. */
    private static final Set<String> EITHER = Set.of("401", "500");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static OpenApiDocument document;

    @BeforeAll
    static void load() {
        document = OpenApiDocument.load();
    }

    @Test
    void it_is_openapi_3_1_with_the_cognito_jwt_applied_to_every_route() {
        JsonNode root = document.root();
        assertThat(root.path("openapi").asText()).isEqualTo("3.1.0");
        assertThat(root.path("info").path("title").asText()).isNotBlank();
        assertThat(root.path("servers")).isNotEmpty();
        JsonNode scheme = root.path("components").path("securitySchemes").path("cognitoJwt");
        assertThat(scheme.path("type").asText()).isEqualTo("http");
        assertThat(scheme.path("scheme").asText()).isEqualTo("bearer");
        assertThat(root.path("security").get(0).has("cognitoJwt")).isTrue();
        for (String route : document.routeKeys()) {
            assertThat(document.operation(route).has("security")).as("%s overrides the global security", route)
                    .isFalse();
        }
    }

    @Test
    void its_statuses_and_link_states_are_exactly_the_codes_the_service_has() {
        JsonNode schemas = document.root().path("components").path("schemas");
        Set<String> statuses = new TreeSet<>();
        for (RecordStatus status : RecordStatus.values()) {
            statuses.add(status.name());
        }
        assertThat(texts(schemas.path("RecordStatus").path("enum"))).isEqualTo(statuses);
        Set<String> before = texts(schemas.path("StatusChange").path("properties").path("from").path("enum"));
        before.remove("null");
        assertThat(before).as("StatusChange.from").isEqualTo(statuses);
        Set<String> links = new TreeSet<>();
        for (Reconciliation.Status status : Reconciliation.Status.values()) {
            links.add(status.name());
        }
        assertThat(texts(schemas.path("Reconciliation").path("properties").path("status").path("enum")))
                .isEqualTo(links);
    }

    private static Set<String> texts(JsonNode array) {
        Set<String> out = new TreeSet<>();
        array.forEach(n -> out.add(n.isNull() ? "null" : n.asText()));
        return out;
    }

    @Test
    void its_routes_are_exactly_the_ones_the_handler_answers() throws IOException {
        // the API's route tables: ApiHandler sends each request to one of them
        String source = Files.readString(OpenApiDocument.repositoryFile(
                "functions/history/src/main/java/br/bankhistory/history/handler/ReadRoutes.java"))
                + Files.readString(OpenApiDocument.repositoryFile(
                "functions/history/src/main/java/br/bankhistory/history/handler/WriteRoutes.java"));
        Set<String> handled = new TreeSet<>();
        Matcher label = Pattern.compile("case\\s+((?:\"[^\"]*\"[\\s,]*)+)->").matcher(source);
        while (label.find()) {
            Matcher literal = Pattern.compile("\"([A-Z]+ /[^\"]*)\"").matcher(label.group(1));
            while (literal.find()) {
                handled.add(literal.group(1));
            }
        }

        assertThat(handled).hasSizeGreaterThan(10);
        assertThat(new TreeSet<>(document.routeKeys())).isEqualTo(handled);
    }

    @Test
    void its_routes_are_exactly_the_ones_the_template_deploys() throws IOException {
        String template = Files.readString(OpenApiDocument.repositoryFile("template.yaml"));
        Set<String> deployed = new TreeSet<>();
        Matcher event = Pattern.compile("Method:\\s*(\\w+),\\s*Path:\\s*(?:'([^']+)'|([^\\s,}]+))")
                .matcher(template);
        while (event.find()) {
            deployed.add(event.group(1) + " " + (event.group(2) != null ? event.group(2) : event.group(3)));
        }

        assertThat(new TreeSet<>(document.routeKeys())).isEqualTo(deployed);
    }

    @Test
    void every_operation_is_named_summarised_and_declares_its_path_parameters() {
        Set<String> ids = new HashSet<>();
        for (String route : document.routeKeys()) {
            JsonNode operation = document.operation(route);
            assertThat(ids.add(operation.path("operationId").asText())).as("unique operationId of %s", route).isTrue();
            assertThat(operation.path("summary").asText()).as("summary of %s", route).isNotBlank();
            assertThat(operation.path("tags")).as("tags of %s", route).isNotEmpty();
            Set<String> declared = new TreeSet<>();
            operation.path("parameters").forEach(p -> {
                JsonNode parameter = document.resolve(p);
                if (parameter.path("in").asText().equals("path")) {
                    assertThat(parameter.path("required").asBoolean()).as("%s path parameter required", route).isTrue();
                    declared.add(parameter.path("name").asText());
                }
            });
            Set<String> inPath = new TreeSet<>();
            Matcher m = Pattern.compile("\\{([^}]+)}").matcher(route);
            while (m.find()) {
                inPath.add(m.group(1));
            }
            assertThat(declared).as("path parameters of %s", route).isEqualTo(inPath);
            operation.path("responses").fields().forEachRemaining(r ->
                    assertThat(document.resolve(r.getValue()).path("description").asText())
                            .as("description of %s %s", route, r.getKey()).isNotBlank());
        }
    }

    @Test
    void every_error_is_a_problem_and_gateway_answers_are_its_own_message() {
        for (String route : document.routeKeys()) {
            for (String status : document.statuses(route)) {
                if (Integer.parseInt(status) < 400) {
                    continue;
                }
                JsonNode content = document.response(route, Integer.parseInt(status)).orElseThrow().path("content");
                Set<String> types = new TreeSet<>();
                content.fieldNames().forEachRemaining(types::add);
                String where = route + " " + status;
                if (GATEWAY_ONLY.contains(status)) {
                    assertThat(types).as(where).containsExactly("application/json");
                    assertThat(ref(content.path("application/json"))).as(where).isEqualTo("GatewayError");
                } else if (EITHER.contains(status)) {
                    assertThat(types).as(where).containsExactly("application/json", "application/problem+json");
                    assertThat(ref(content.path("application/json"))).as(where).isEqualTo("GatewayError");
                    assertThat(ref(content.path("application/problem+json"))).as(where)
                            .isEqualTo(status.equals("500") ? "ServerProblem" : "Problem");
                } else {
                    assertThat(types).as(where).containsExactly("application/problem+json");
                    assertThat(problemRefs(content.path("application/problem+json"))).as(where)
                            .isIn(List.of("Problem"), List.of("Problem", "CodedProblem"));
                }
            }
            assertThat(document.statuses(route)).as("%s answers 401 without identity", route).contains("401");
        }
    }

    @Test
    void api_gateways_own_401_body_matches_the_document() throws IOException {
        JsonNode unauthorized = JSON.readTree("{\"message\":\"Unauthorized\"}");
        for (String route : document.routeKeys()) {
            JsonNode schema = document.response(route, 401).orElseThrow()
                    .path("content").path("application/json").path("schema");
            assertThat(document.validate(schema, unauthorized)).as(route).isEmpty();
        }
        assertThat(document.validate("GatewayError", JSON.readTree("{\"message\":\"Unauthorized\",\"x\":1}")))
                .isNotEmpty();
    }

    @Test
    void every_reference_resolves() {
        List<String> refs = new ArrayList<>();
        walk(document.root(), "", (path, node) -> {
            if (node.has("$ref")) {
                refs.add(node.get("$ref").asText());
            }
        });

        assertThat(refs).isNotEmpty();
        refs.forEach(document::pointer);
    }

    @Test
    void every_object_lists_its_required_properties_and_forbids_unknown_ones() {
        assertThat(document.root().path("components").path("schemas").fieldNames()).toIterable()
                .containsAll(MAPS).containsAll(INPUTS);
        List<String> problems = new ArrayList<>();
        document.root().path("components").path("schemas").fields().forEachRemaining(entry ->
                walk(entry.getValue(), entry.getKey(), (path, node) -> {
                    if (!isObjectSchema(node)) {
                        return;
                    }
                    if (!node.path("additionalProperties").isBoolean() || node.path("additionalProperties").asBoolean()) {
                        problems.add(path + ": additionalProperties is not false");
                    }
                    if (!node.path("required").isArray()) {
                        problems.add(path + ": no required list");
                        return;
                    }
                    Set<String> properties = new LinkedHashSet<>();
                    node.path("properties").fieldNames().forEachRemaining(properties::add);
                    Set<String> required = new LinkedHashSet<>();
                    node.path("required").forEach(name -> required.add(name.asText()));
                    if (!properties.containsAll(required)) {
                        problems.add(path + ": requires properties it does not define: " + required);
                    }
                    if (!MAPS.contains(path) && !INPUTS.contains(path) && !required.equals(properties)) {
                        Set<String> optional = new LinkedHashSet<>(properties);
                        optional.removeAll(required);
                        problems.add(path + ": properties not required: " + optional);
                    }
                }));

        assertThat(problems).isEmpty();
    }

    @Test
    void every_schema_compiles_and_every_example_is_valid() {
        List<String> problems = new ArrayList<>();
        document.root().path("components").path("schemas").fields().forEachRemaining(entry -> {
            JsonNode examples = entry.getValue().path("examples");
            examples.forEach(example -> {
                for (ValidationMessage m : document.validate(entry.getKey(), example)) {
                    problems.add(entry.getKey() + " example: " + m.getMessage());
                }
            });
            // loads and runs (whether an empty object is valid does not matter here)
            document.validate(entry.getKey(), JSON.createObjectNode());
        });
        walk(document.root(), "", (path, node) -> {
            if (node.has("schema") && node.has("example")) {
                for (ValidationMessage m : document.validate(node.get("schema"), node.get("example"))) {
                    problems.add(path + " example: " + m.getMessage());
                }
            }
        });

        assertThat(problems).isEmpty();
    }

    /**
     * YAML's flow mappings split an unquoted text at its commas ({@code {description: a, b}} has a key
     * {@code b} with no value), which JSON Schema would then ignore as an unknown keyword: no value of the
     * document is null, and schemas use only the keywords of JSON Schema 2020-12 and OpenAPI's dialect.
     */
    @Test
    void no_text_was_split_into_stray_keys() {
        List<String> problems = new ArrayList<>();
        walk(document.root(), "", (path, node) -> node.fields().forEachRemaining(f -> {
            if (f.getValue().isNull()) {
                problems.add(path + "/" + f.getKey() + " is null");
            }
        }));
        document.root().path("components").path("schemas").fields().forEachRemaining(s ->
                checkKeywords(s.getValue(), s.getKey(), problems));
        for (String route : document.routeKeys()) {
            walk(document.operation(route), route, (path, node) -> {
                if (node.has("schema")) {
                    checkKeywords(node.get("schema"), path + "/schema", problems);
                }
            });
        }

        assertThat(problems).isEmpty();
    }

    private static final Set<String> SCHEMA_KEYWORDS = Set.of("$ref", "$defs", "type", "enum", "const", "format",
            "pattern", "minLength", "maxLength", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum",
            "multipleOf", "items", "prefixItems", "minItems", "maxItems", "uniqueItems", "contains", "properties",
            "patternProperties", "additionalProperties", "propertyNames", "required", "minProperties",
            "maxProperties", "dependentRequired", "allOf", "anyOf", "oneOf", "not", "if", "then", "else",
            "title", "description", "default", "examples", "deprecated", "readOnly", "writeOnly",
            "unevaluatedProperties", "discriminator", "externalDocs", "xml");

    private static void checkKeywords(JsonNode schema, String path, List<String> problems) {
        if (!schema.isObject()) {
            return;
        }
        schema.fields().forEachRemaining(f -> {
            String key = f.getKey();
            if (!SCHEMA_KEYWORDS.contains(key) && !key.startsWith("x-")) {
                problems.add(path + ": unknown schema keyword '" + key + "'");
            }
            switch (key) {
                case "properties", "patternProperties", "$defs" -> f.getValue().fields().forEachRemaining(p ->
                        checkKeywords(p.getValue(), path + "/" + key + "/" + p.getKey(), problems));
                case "items", "additionalProperties", "propertyNames", "not", "contains", "if", "then", "else",
                     "unevaluatedProperties" -> checkKeywords(f.getValue(), path + "/" + key, problems);
                case "allOf", "anyOf", "oneOf", "prefixItems" -> {
                    for (int i = 0; i < f.getValue().size(); i++) {
                        checkKeywords(f.getValue().get(i), path + "/" + key + "/" + i, problems);
                    }
                }
                default -> { }
            }
        });
    }

    /** The response checks are not vacuous: each kind of mismatch is caught. */
    @Test
    void the_response_checks_catch_each_kind_of_mismatch() {
        String list = "GET /integrations";
        String page = "{\"items\": [], \"nextCursor\": null}";
        assertThat(document.violations(list, response(200, "application/json", page))).isEmpty();

        assertThat(document.violations(list, response(201, "application/json", page)))
                .singleElement().asString().contains("not documented");
        assertThat(document.violations(list, response(200, "text/plain", page)))
                .singleElement().asString().contains("content type");
        assertThat(document.violations(list, response(200, "application/json", "{\"items\": []}")))
                .singleElement().asString().contains("nextCursor");
        assertThat(document.violations(list, response(200, "application/json",
                "{\"items\": [], \"nextCursor\": null, \"total\": 0}"))).singleElement().asString().contains("total");
        assertThat(document.violations(list, response(200, "application/json", "{\"items\": [{}], \"nextCursor\": 1}")))
                .hasSizeGreaterThan(2);
        APIGatewayV2HTTPResponse noCacheControl = response(200, "application/json", page);
        noCacheControl.getHeaders().remove("cache-control");
        assertThat(document.violations(list, noCacheControl)).singleElement().asString().contains("cache-control");
        APIGatewayV2HTTPResponse extraHeader = response(200, "application/json", page);
        extraHeader.getHeaders().put("x-debug", "1");
        assertThat(document.violations(list, extraHeader)).singleElement().asString().contains("x-debug");

        String problem = "{\"type\": \"about:blank\", \"title\": \"Conflito\", \"status\": 409, \"detail\": \"x\", "
                + "\"instance\": \"/integrations/1/cancel\"}";
        String cancel = "POST /integrations/{id}/cancel";
        assertThat(document.violations(cancel, response(409, "application/problem+json", problem))).isEmpty();
        assertThat(document.violations(cancel, response(409, "application/json", problem))).isNotEmpty();
        assertThat(document.violations(cancel, response(409, "application/problem+json",
                problem.replace("\"detail\": \"x\", ", "")))).isNotEmpty();

        String file = "GET /integrations/{id}/file";
        APIGatewayV2HTTPResponse redirect = response(302, null, null);
        redirect.getHeaders().put("location", "https://files.example.com/a.ret?X-Amz-Signature=abc");
        assertThat(document.violations(file, redirect)).isEmpty();
        redirect.getHeaders().remove("location");
        assertThat(document.violations(file, redirect)).singleElement().asString().contains("location");
        APIGatewayV2HTTPResponse redirectWithBody = response(302, "application/json", "{}");
        redirectWithBody.getHeaders().put("location", "https://files.example.com/a.ret");
        assertThat(document.violations(file, redirectWithBody)).hasSize(2);
    }

    @Test
    void formats_and_enums_are_asserted() throws IOException {
        JsonNode change = JSON.readTree("{\"at\": \"2026-11-20T12:00:00Z\", \"from\": null, \"to\": \"PROCESSED\", "
                + "\"byUserId\": \"\", \"byUserName\": \"Integração\", \"reason\": \"Arquivo recebido\"}");
        assertThat(document.validate("StatusChange", change)).isEmpty();
        assertThat(document.validate("StatusChange", ((ObjectNode) change.deepCopy())
                .put("at", "ontem"))).isNotEmpty();
        assertThat(document.validate("StatusChange", ((ObjectNode) change.deepCopy())
                .put("from", "LOST"))).isNotEmpty();
        assertThat(document.validate("NotificationSettings", JSON.readTree("{\"recipients\": [\"ana@\"]}")))
                .isNotEmpty();
        assertThat(document.validate("Date", JSON.readTree("\"2026-02-30\""))).isNotEmpty();
        assertThat(document.validate("Date", JSON.readTree("null"))).isEmpty();
    }

    private static APIGatewayV2HTTPResponse response(int status, String contentType, String body) {
        Map<String, String> headers = new HashMap<>();
        headers.put("cache-control", "no-store");
        if (contentType != null) {
            headers.put("content-type", contentType);
        }
        return APIGatewayV2HTTPResponse.builder().withStatusCode(status).withHeaders(headers).withBody(body).build();
    }

    // ---- helpers ----

    private static boolean isObjectSchema(JsonNode node) {
        JsonNode type = node.path("type");
        return (type.isTextual() && type.asText().equals("object")) || node.has("properties");
    }

    /** The component schema a media type's schema refers to. */
    /** A problem's schema: Problem, or one of Problem and CodedProblem (a problem with a stable code). */
    private static List<String> problemRefs(JsonNode media) {
        JsonNode oneOf = media.path("schema").path("oneOf");
        if (!oneOf.isArray()) {
            return List.of(ref(media));
        }
        List<String> refs = new ArrayList<>();
        oneOf.forEach(option -> refs.add(option.path("$ref").asText().replace(OpenApiDocument.SCHEMAS, "")));
        return refs;
    }

    private static String ref(JsonNode media) {
        return media.path("schema").path("$ref").asText().replace(OpenApiDocument.SCHEMAS, "");
    }

    private static void walk(JsonNode node, String path, BiConsumer<String, JsonNode> visit) {
        if (node.isObject()) {
            visit.accept(path, node);
            node.fields().forEachRemaining(f -> walk(f.getValue(), path.isEmpty() ? f.getKey()
                    : path + "/" + f.getKey(), visit));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), path + "/" + i, visit);
            }
        }
    }
}
