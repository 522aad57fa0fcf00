package br.bankhistory.history.adapter.dynamodb;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

import java.util.ArrayList;
import java.util.List;

/**
 * Creates the history table where no template does it (the embedded local stack and the tests). On AWS the
 * table comes from template.yaml, with the same keys, indexes and stream (new images).
 */
public final class HistoryTable {

    private HistoryTable() {
    }

    public static void createIfMissing(DynamoDbClient dynamoDb, String tableName) {
        List<AttributeDefinition> attributes = new ArrayList<>(List.of(string("PK"), string("SK"), string("id")));
        List<GlobalSecondaryIndex> indexes = new ArrayList<>();
        for (ListIndex index : ListIndex.values()) {
            attributes.add(string(index.keyAttribute));
            indexes.add(index(index.indexName, index.keyAttribute, "id"));
        }
        try {
            dynamoDb.createTable(r -> r.tableName(tableName)
                    .billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(attributes)
                    .keySchema(key("PK", KeyType.HASH), key("SK", KeyType.RANGE))
                    .globalSecondaryIndexes(indexes)
                    // the outbox's events reach the OutboxPublisher function through the stream (docs/events)
                    .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_IMAGE)));
            dynamoDb.waiter().waitUntilTableExists(r -> r.tableName(tableName));
        } catch (ResourceInUseException alreadyThere) {
            // created by an earlier start: nothing to do
        }
    }

    private static GlobalSecondaryIndex index(String name, String partition, String sort) {
        return GlobalSecondaryIndex.builder()
                .indexName(name)
                .keySchema(key(partition, KeyType.HASH), key(sort, KeyType.RANGE))
                .projection(Projection.builder().projectionType(ProjectionType.ALL).build())
                .build();
    }

    private static AttributeDefinition string(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }
}
