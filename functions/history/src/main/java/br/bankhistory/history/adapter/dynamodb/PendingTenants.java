package br.bankhistory.history.adapter.dynamodb;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code T#{tenant}} / {@code INS_PENDING} markers of the tenants with pending instructions, listed in the
 * {@code byStatus} partition {@code SCHEDULE#PENDING}: touched by each new instruction, forgotten once quiet.
 */
record PendingTenants(DynamoDbClient dynamoDb, String tableName) {

    void touch(String tenant, Instant at) {
        dynamoDb.updateItem(r -> r.tableName(tableName)
                .key(InstructionKeys.pendingMarker(tenant))
                .updateExpression("SET #type = :type, statusKey = :list, id = :tenant, touchedAt = :at")
                .expressionAttributeNames(Map.of("#type", "type"))
                .expressionAttributeValues(Map.of(":type", s("PENDING_TENANT"),
                        ":list", s(InstructionKeys.PENDING_TENANTS), ":tenant", s(tenant),
                        ":at", n(at.toEpochMilli()))));
    }

    List<String> list() {
        List<String> tenants = new ArrayList<>();
        QueryRequest query = QueryRequest.builder().tableName(tableName).indexName(InstructionKeys.INDEX)
                .keyConditionExpression("statusKey = :list")
                .expressionAttributeValues(Map.of(":list", s(InstructionKeys.PENDING_TENANTS))).build();
        dynamoDb.queryPaginator(query).items().forEach(item -> tenants.add(item.get("id").s()));
        return tenants;
    }

    /** Only if not touched since {@code quietSince}. */
    void forget(String tenant, Instant quietSince) {
        try {
            dynamoDb.deleteItem(r -> r.tableName(tableName)
                    .key(InstructionKeys.pendingMarker(tenant))
                    .conditionExpression("touchedAt < :since")
                    .expressionAttributeValues(Map.of(":since", n(quietSince.toEpochMilli()))));
        } catch (ConditionalCheckFailedException touchedMeanwhile) {
            // an instruction came in during the run: the next run looks at the tenant again
        }
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
