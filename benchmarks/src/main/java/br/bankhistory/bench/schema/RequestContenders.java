package br.bankhistory.bench.schema;

import br.bankhistory.history.command.GenerateRemittance;
import br.bankhistory.history.domain.InvalidRequestException;
import br.bankhistory.history.handler.RemittanceBodies;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The two ways of holding a {@code POST /remittances} body to docs/openapi.yaml ({@code RemittanceRequest}):
 * the production binding the Api function runs ({@link RemittanceBodies}, that is {@code RemittanceRequests}
 * over {@code BodyReader}), and the request schema compiled by networknt json-schema-validator at runtime
 * (JSON Schema 2020-12, formats asserted, as the contract tests validate). Also the bodies measured: the
 * event's own, one with many titles, and bodies each contender must refuse.
 */
final class RequestContenders {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String REQUEST_SCHEMA = "#/components/schemas/RemittanceRequest";

    private RequestContenders() {
    }

    /** The binding: the typed request, or the refusal (the 400's message) when the body is wrong. */
    static Optional<String> bindingRefusal(JsonNode body) {
        try {
            GenerateRemittance.Request request = RemittanceBodies.parse(body);
            return request.titles().isEmpty() && request.payments().isEmpty()
                    ? Optional.of("no title and no payment") : Optional.empty();
        } catch (InvalidRequestException e) {
            return Optional.of(e.getMessage());
        }
    }

    static GenerateRemittance.Request bind(JsonNode body) {
        return RemittanceBodies.parse(body);
    }

    /**
     * A standalone JSON Schema whose root refers to the request schema where the document has it: the
     * document's {@code components} ride along, so its {@code #/components/schemas/...} references resolve
     * as written.
     */
    static ObjectNode standaloneSchema(JsonNode openApi) {
        ObjectNode schema = JSON.createObjectNode();
        schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        schema.put("$ref", REQUEST_SCHEMA);
        schema.putObject("components").set("schemas", openApi.path("components").path("schemas"));
        return schema;
    }

    static JsonNode readOpenApi(Path yaml) throws IOException {
        return new ObjectMapper(new YAMLFactory()).readTree(yaml.toFile());
    }

    /** Compiles the schema, every validator built now rather than at the first body. */
    static JsonSchema compile(JsonNode standaloneSchema) {
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(standaloneSchema, config);
        schema.initializeValidators();
        return schema;
    }

    static Set<ValidationMessage> validate(JsonSchema schema, JsonNode body) {
        return schema.validate(body);
    }

    /** The body of an API Gateway event file, parsed. */
    static JsonNode eventBody(Path event) throws IOException {
        return JSON.readTree(JSON.readTree(Files.readString(event)).get("body").asText());
    }

    /** The body with {@code count} titles, the event's titles repeated, each with its own numbers. */
    static ObjectNode withTitles(JsonNode body, int count) {
        ObjectNode copy = body.deepCopy();
        ArrayNode source = (ArrayNode) body.get("titles");
        ArrayNode titles = copy.putArray("titles");
        for (int i = 0; i < count; i++) {
            ObjectNode title = source.get(i % source.size()).deepCopy();
            title.put("ourNumber", String.format("%08d", 10_000_000 + i));
            title.put("yourNumber", "NF-" + (100_000 + i));
            title.put("amountCents", 1_000 + i);
            titles.add(title);
        }
        return copy;
    }

    /** Bodies the document refuses, each by name: both contenders must refuse every one. */
    static List<Bad> badBodies(JsonNode body) {
        ObjectNode fraction = body.deepCopy();
        ((ObjectNode) fraction.get("titles").get(0)).put("amountCents", 1.5);
        ObjectNode unknownTop = body.deepCopy();
        unknownTop.put("sizeBytes", 10);
        ObjectNode unknownTitle = body.deepCopy();
        ((ObjectNode) unknownTitle.get("titles").get(1)).put("valor", "200,00");
        ObjectNode badDate = body.deepCopy();
        ((ObjectNode) badDate.get("titles").get(0)).put("dueDate", "2026-02-30");
        ObjectNode noHeader = body.deepCopy();
        noHeader.remove("header");
        ObjectNode bankCode = body.deepCopy();
        bankCode.put("bankCode", "34");
        return List.of(new Bad("titles[0].amountCents 1.5", fraction), new Bad("unknown field sizeBytes", unknownTop),
                new Bad("unknown field titles[1].valor", unknownTitle), new Bad("titles[0].dueDate 2026-02-30", badDate),
                new Bad("no header", noHeader), new Bad("bankCode 34", bankCode));
    }

    record Bad(String name, JsonNode body) {
    }
}
