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
 * and the record that carried it, raised with a conditional update, and the highest NSA issued to a
 * generated remessa ({@code issuedNsa}), moved by compare-and-set. The low-level client is used here: one
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
    public long last(String tenant, String accountKey) {
        Map<String, AttributeValue> item = dynamoDb.getItem(r -> r.tableName(tableName).key(key(tenant, accountKey))
                .consistentRead(true)).item();
        return Math.max(number(item, "lastNsa"), number(item, "issuedNsa"));
    }

    @Override
    public boolean issue(String tenant, String accountKey, long expectedLast, long next) {
        try {
            dynamoDb.updateItem(r -> r.tableName(tableName).key(key(tenant, accountKey))
                    .updateExpression("SET issuedNsa = :next, #type = :type")
                    .conditionExpression("(attribute_not_exists(lastNsa) OR lastNsa <= :last)"
                            + " AND (attribute_not_exists(issuedNsa) OR issuedNsa <= :last)")
                    .expressionAttributeNames(Map.of("#type", "type"))
                    .expressionAttributeValues(Map.of(":next", AttributeValue.fromN(Long.toString(next)),
                            ":last", AttributeValue.fromN(Long.toString(expectedLast)),
                            ":type", AttributeValue.fromS("SEQUENCE"))));
            return true;
        } catch (ConditionalCheckFailedException movedMeanwhile) {
            return false;
        }
    }

    @Override
    public void takeBack(String tenant, String accountKey, long issued) {
        try {
            dynamoDb.updateItem(r -> r.tableName(tableName).key(key(tenant, accountKey))
                    .updateExpression("SET issuedNsa = :before")
                    .conditionExpression("issuedNsa = :issued AND (attribute_not_exists(lastNsa) OR lastNsa < :issued)")
                    .expressionAttributeValues(Map.of(":issued", AttributeValue.fromN(Long.toString(issued)),
                            ":before", AttributeValue.fromN(Long.toString(issued - 1)))));
        } catch (ConditionalCheckFailedException usedMeanwhile) {
            // another remessa was issued or a file seen after it: the gap stays, and Ingest will say so
        }
    }

    private static Map<String, AttributeValue> key(String tenant, String accountKey) {
        return Map.of("PK", AttributeValue.fromS(TableKeys.tenantPartition(tenant)),
                "SK", AttributeValue.fromS("NSA#" + accountKey));
    }

    private static long number(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item == null ? null : item.get(name);
        return value == null || value.n() == null ? 0 : Long.parseLong(value.n());
    }

    @Override
    public Observation observe(String tenant, String accountKey, long nsa, String recordId) {
        Map<String, AttributeValue> key = key(tenant, accountKey);
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
