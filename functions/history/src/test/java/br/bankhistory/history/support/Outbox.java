package br.bankhistory.history.support;

import br.bankhistory.history.Services;
import br.bankhistory.history.adapter.dynamodb.TableStream;
import br.bankhistory.history.config.AwsClients;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The outbox as the table holds it, the events' schemas (docs/events/), and the table's stream. */
public final class Outbox {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true).build();
    private static final Map<String, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();

    private Outbox() {
    }

    /** The tenant's outbox events, as stored (record by record, each record's in sequence order). */
    public static List<JsonNode> stored(Services services, String tenant) {
        List<JsonNode> events = new ArrayList<>();
        services.dynamoDb().queryPaginator(r -> r.tableName(services.config().tableName()).consistentRead(true)
                        .keyConditionExpression("PK = :pk AND begins_with(SK, :evt)")
                        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("T#" + tenant),
                                ":evt", AttributeValue.fromS("EVT#"))))
                .items().forEach(item -> events.add(read(item.get("detail").s())));
        return events;
    }

    /** The event, after checking it against {@code docs/events/{type}.schema.json}. */
    public static JsonNode valid(JsonNode event) {
        String type = event.path("type").asText();
        JsonSchema schema = SCHEMAS.computeIfAbsent(type, t -> {
            try {
                return FACTORY.getSchema(JSON.readTree(Files.readString(
                        RepositoryFiles.of("docs/events/" + t + ".schema.json"))), CONFIG);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        Set<ValidationMessage> errors = schema.validate(event);
        if (!errors.isEmpty()) {
            throw new AssertionError("event " + type + " does not match its schema: " + errors + "\n" + event);
        }
        return event;
    }

    public static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The table's stream, read as Lambda's event source mapping does. */
    public static TableStream stream(Services services) {
        AwsClients clients = new AwsClients(services.config());
        return new TableStream(services.dynamoDb(), clients.dynamoDbStreams(), services.config().tableName(),
                services.config().region());
    }
}
