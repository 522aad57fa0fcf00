package br.bankhistory.history.adapter.dynamodb;

import br.bankhistory.history.port.SequenceLog;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

import java.util.Map;

/**
 * {@link SequenceLog} on the history table ({@code T#{tenant}} / {@code NSA#{account}}): the highest NSA seen
 * and the record that carried it, raised with a conditional update. The low-level client is used here: one
 * update with old values returned, for which the Enhanced Client has no shorter form.
 */
public final class DynamoSequenceLog implements SequenceLog {

    private final DynamoDbClient dynamoDb;
    private final String tableName;

    public DynamoSequenceLog(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    @Override
    public Observation observe(String tenant, String accountKey, long nsa, String recordId) {
        Map<String, AttributeValue> key = Map.of(
                "PK", AttributeValue.fromS(TableKeys.tenantPartition(tenant)),
                "SK", AttributeValue.fromS("NSA#" + accountKey));
        try {
            UpdateItemResponse updated = dynamoDb.updateItem(r -> r.tableName(tableName).key(key)
                    .updateExpression("SET lastNsa = :n, lastRecordId = :id, #type = :type")
                    .conditionExpression("attribute_not_exists(lastNsa) OR lastNsa < :n")
                    .expressionAttributeNames(Map.of("#type", "type"))
                    .expressionAttributeValues(Map.of(":n", AttributeValue.fromN(Long.toString(nsa)),
                            ":id", AttributeValue.fromS(recordId), ":type", AttributeValue.fromS("SEQUENCE")))
                    .returnValues(ReturnValue.UPDATED_OLD));
            AttributeValue before = updated.attributes() == null ? null : updated.attributes().get("lastNsa");
            if (before == null) {
                return new Observation(Kind.FIRST, 0);
            }
            long previous = Long.parseLong(before.n());
            return new Observation(nsa == previous + 1 ? Kind.NEXT : Kind.GAP, previous);
        } catch (ConditionalCheckFailedException notHigher) {
            Map<String, AttributeValue> seen = dynamoDb.getItem(r -> r.tableName(tableName).key(key)
                    .consistentRead(true)).item();
            long previous = Long.parseLong(seen.get("lastNsa").n());
            boolean sameFileAgain = previous == nsa && recordId.equals(seen.get("lastRecordId").s());
            return new Observation(sameFileAgain ? Kind.NEXT : Kind.REPEATED, previous);
        }
    }
}
