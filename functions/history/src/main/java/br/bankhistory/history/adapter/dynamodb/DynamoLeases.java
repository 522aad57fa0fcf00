package br.bankhistory.history.adapter.dynamodb;

import br.bankhistory.history.port.Leases;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

import java.time.Instant;
import java.util.Map;

/** {@link Leases} on the history table ({@code T#{tenant}} / {@code LEASE#{name}}), by conditional writes. */
public final class DynamoLeases implements Leases {

    private final DynamoDbClient dynamoDb;
    private final String tableName;

    public DynamoLeases(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    @Override
    public boolean acquire(String tenant, String name, String owner, Instant now, Instant until) {
        try {
            dynamoDb.putItem(r -> r.tableName(tableName)
                    .item(Map.of("PK", AttributeValue.fromS(TableKeys.tenantPartition(tenant)),
                            "SK", AttributeValue.fromS("LEASE#" + name),
                            "type", AttributeValue.fromS("LEASE"),
                            "owner", AttributeValue.fromS(owner),
                            "until", AttributeValue.fromN(Long.toString(until.toEpochMilli()))))
                    .conditionExpression("attribute_not_exists(PK) OR #until < :now OR #owner = :owner")
                    .expressionAttributeNames(Map.of("#until", "until", "#owner", "owner"))
                    .expressionAttributeValues(Map.of(":now", AttributeValue.fromN(Long.toString(now.toEpochMilli())),
                            ":owner", AttributeValue.fromS(owner))));
            return true;
        } catch (ConditionalCheckFailedException held) {
            return false;
        }
    }

    @Override
    public void release(String tenant, String name, String owner) {
        try {
            dynamoDb.deleteItem(r -> r.tableName(tableName)
                    .key(Map.of("PK", AttributeValue.fromS(TableKeys.tenantPartition(tenant)),
                            "SK", AttributeValue.fromS("LEASE#" + name)))
                    .conditionExpression("#owner = :owner")
                    .expressionAttributeNames(Map.of("#owner", "owner"))
                    .expressionAttributeValues(Map.of(":owner", AttributeValue.fromS(owner))));
        } catch (ConditionalCheckFailedException notMine) {
            // expired and taken by another: nothing of this owner's to give up
        }
    }
}
