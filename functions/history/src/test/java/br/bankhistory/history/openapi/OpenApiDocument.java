package br.bankhistory.history.openapi;

import br.bankhistory.history.support.RepositoryFiles;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code docs/openapi.yaml}, read as a tree, and the checks of a real response against it: the status is
 * documented for the operation, the content type is one the operation declares (or there is no body where
 * none is declared), the documented headers are there and no undocumented one is, and the body validates
 * against the declared schema (JSON Schema 2020-12, formats asserted, {@code $ref}s resolved).
 */
final class OpenApiDocument {

    static final String SCHEMAS = "#/components/schemas/";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch", "head", "options");

    private final JsonNode root;
    private final JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private final SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true)
            .build();
    private final Map<JsonNode, JsonSchema> compiled = new IdentityHashMap<>();

    private OpenApiDocument(JsonNode root) {
        this.root = root;
    }

    static OpenApiDocument load() {
        try {
            return new OpenApiDocument(YAML.readTree(repositoryFile("docs/openapi.yaml").toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A file of the repository, found from the working directory (the module's, under Surefire) upwards. */
    static Path repositoryFile(String relative) {
        return RepositoryFiles.of(relative);
    }

    JsonNode root() {
        return root;
    }

    /** Every operation of the document as an HTTP API route key: {@code "GET /integrations/{id}"}. */
    Set<String> routeKeys() {
        Set<String> keys = new LinkedHashSet<>();
        root.path("paths").fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(name -> {
            if (METHODS.contains(name)) {
                keys.add(name.toUpperCase(Locale.ROOT) + " " + path.getKey());
            }
        }));
        return keys;
    }

    JsonNode operation(String routeKey) {
        String[] parts = routeKey.split(" ", 2);
        JsonNode operation = root.path("paths").path(parts[1]).path(parts[0].toLowerCase(Locale.ROOT));
        if (operation.isMissingNode()) {
            throw new AssertionError("the document has no operation " + routeKey);
        }
        return operation;
    }

    /** The documented statuses of an operation ({@code "200"}, {@code "404"}...). */
    Set<String> statuses(String routeKey) {
        Set<String> statuses = new LinkedHashSet<>();
        operation(routeKey).path("responses").fieldNames().forEachRemaining(statuses::add);
        return statuses;
    }

    /** The response object of an operation for a status, its {@code $ref} followed. */
    Optional<JsonNode> response(String routeKey, int status) {
        JsonNode response = operation(routeKey).path("responses").path(Integer.toString(status));
        return response.isMissingNode() ? Optional.empty() : Optional.of(resolve(response));
    }

    /** Follows a local {@code $ref} (responses, parameters, headers) to the node it names. */
    JsonNode resolve(JsonNode node) {
        int hops = 0;
        while (node.has("$ref") && !node.path("$ref").asText().startsWith(SCHEMAS)) {
            node = pointer(node.get("$ref").asText());
            if (++hops > 10) {
                throw new AssertionError("a $ref cycle");
            }
        }
        return node;
    }

    /** The node a local reference ({@code #/components/...}) names; fails when there is none. */
    JsonNode pointer(String ref) {
        if (!ref.startsWith("#/")) {
            throw new AssertionError("only local references are used: " + ref);
        }
        JsonNode target = root.at(ref.substring(1));
        if (target.isMissingNode()) {
            throw new AssertionError("unresolved $ref " + ref);
        }
        return target;
    }

    /**
     * What is wrong with a real response of a route, as readable sentences; empty when it matches the
     * document.
     */
    List<String> violations(String routeKey, APIGatewayV2HTTPResponse response) {
        List<String> problems = new ArrayList<>();
        int status = response.getStatusCode();
        Optional<JsonNode> documented = response(routeKey, status);
        if (documented.isEmpty()) {
            problems.add("status " + status + " is not documented for " + routeKey + " (documented: "
                    + statuses(routeKey) + ")");
            return problems;
        }
        Map<String, String> headers = lowerCase(response.getHeaders());
        checkHeaders(documented.get(), headers, problems);
        JsonNode content = documented.get().path("content");
        String contentType = headers.get("content-type");
        String body = response.getBody();
        if (content.isMissingNode() || content.isEmpty()) {
            if (contentType != null) {
                problems.add("no content is documented for " + status + " but the content type is " + contentType);
            }
            if (body != null && !body.isEmpty()) {
                problems.add("no content is documented for " + status + " but there is a body: " + body);
            }
            return problems;
        }
        if (contentType == null) {
            problems.add("status " + status + " has no content-type; documented: " + names(content));
            return problems;
        }
        String mediaType = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        JsonNode media = content.path(mediaType);
        if (media.isMissingNode()) {
            problems.add("content type " + contentType + " is not documented for " + status + " of " + routeKey
                    + " (documented: " + names(content) + ")");
            return problems;
        }
        JsonNode instance;
        try {
            instance = JSON.readTree(body == null ? "" : body);
        } catch (JsonProcessingException e) {
            problems.add("the body is not JSON: " + body);
            return problems;
        }
        if (instance == null || instance.isMissingNode()) {
            problems.add("status " + status + " has an empty body; documented: " + mediaType);
            return problems;
        }
        for (ValidationMessage message : validate(media.path("schema"), instance)) {
            problems.add("body of " + status + " " + mediaType + ": " + message.getMessage());
        }
        return problems;
    }

    /**
     * What is wrong with a request body for a route, as the document describes it (a JSON body for an
     * operation with a JSON request body; none for an operation without one).
     */
    List<String> requestViolations(String routeKey, String body) {
        List<String> problems = new ArrayList<>();
        JsonNode requestBody = resolve(operation(routeKey).path("requestBody"));
        if (requestBody.isMissingNode()) {
            return problems;
        }
        if (body == null || body.isBlank()) {
            if (requestBody.path("required").asBoolean(false)) {
                problems.add(routeKey + " documents a required body, and there is none");
            }
            return problems;
        }
        JsonNode schema = requestBody.path("content").path("application/json").path("schema");
        if (schema.isMissingNode()) {
            problems.add(routeKey + " documents no application/json request body");
            return problems;
        }
        try {
            for (ValidationMessage message : validate(schema, JSON.readTree(body))) {
                problems.add("request body: " + message.getMessage());
            }
        } catch (JsonProcessingException e) {
            problems.add("the request body is not JSON: " + body);
        }
        return problems;
    }

    /** Validates a value against a schema node of this document (its {@code $ref}s resolved in the document). */
    Set<ValidationMessage> validate(JsonNode schemaNode, JsonNode instance) {
        JsonSchema schema = compiled.computeIfAbsent(schemaNode, this::standalone);
        return schema.validate(instance);
    }

    /** Validates a value against a named component schema. */
    Set<ValidationMessage> validate(String componentSchema, JsonNode instance) {
        return validate(pointer(SCHEMAS + componentSchema), instance);
    }

    /**
     * A schema of the document as a standalone JSON Schema 2020-12 document: the components' schemas become
     * its {@code $defs} and every {@code #/components/schemas/X} reference points there.
     */
    private JsonSchema standalone(JsonNode schemaNode) {
        ObjectNode schema = (ObjectNode) rewriteRefs(schemaNode.deepCopy());
        schema.set("$defs", rewriteRefs(root.path("components").path("schemas").deepCopy()));
        schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        return factory.getSchema(schema, config);
    }

    private static JsonNode rewriteRefs(JsonNode node) {
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            List<String> refs = new ArrayList<>();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (field.getKey().equals("$ref") && field.getValue().isTextual()) {
                    refs.add(field.getValue().asText());
                } else {
                    rewriteRefs(field.getValue());
                }
            }
            for (String ref : refs) {
                if (!ref.startsWith(SCHEMAS)) {
                    throw new AssertionError("a schema refers to something other than a component schema: " + ref);
                }
                object.put("$ref", "#/$defs/" + ref.substring(SCHEMAS.length()));
            }
        } else if (node.isArray()) {
            node.forEach(OpenApiDocument::rewriteRefs);
        }
        return node;
    }

    private void checkHeaders(JsonNode response, Map<String, String> actual, List<String> problems) {
        Map<String, JsonNode> documented = new LinkedHashMap<>();
        response.path("headers").fields().forEachRemaining(h ->
                documented.put(h.getKey().toLowerCase(Locale.ROOT), resolve(h.getValue())));
        documented.forEach((name, header) -> {
            String value = actual.get(name);
            if (value == null) {
                if (header.path("required").asBoolean(false)) {
                    problems.add("the required header " + name + " is missing");
                }
                return;
            }
            for (ValidationMessage message : validate(header.path("schema"), TextNode.valueOf(value))) {
                problems.add("header " + name + ": " + message.getMessage());
            }
        });
        actual.keySet().stream()
                .filter(name -> !name.equals("content-type") && !documented.containsKey(name))
                .forEach(name -> problems.add("the header " + name + " is not documented"));
    }

    private static Map<String, String> lowerCase(Map<String, String> headers) {
        Map<String, String> out = new LinkedHashMap<>();
        if (headers != null) {
            headers.forEach((name, value) -> out.put(name.toLowerCase(Locale.ROOT), value));
        }
        return out;
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
