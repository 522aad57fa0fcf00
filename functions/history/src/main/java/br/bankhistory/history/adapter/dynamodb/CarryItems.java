package br.bankhistory.history.adapter.dynamodb;

import br.bankhistory.history.port.InstructionStore.Carry;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a scheduled remessa carries (docs/data-model.md, "Instructions a remessa carries"): one item per remessa,
 * {@code T#{tenant}} / {@code INS_CARRY#{sha256(object key)}}, with its instruction ids in title order, deflated
 * (10,000 ids are about 300 KB as text, a third of that deflated, under DynamoDB's 400 KB), and a small pointer per
 * run and group, {@code INS_RUN#{runId}#{sha256(group)}}, naming the remessa's key (removed by TTL after
 * {@link #RUN_POINTER_DAYS} days: the run after a crash needs it within minutes).
 */
final class CarryItems {

    static final int RUN_POINTER_DAYS = 30;

    private final DynamoDbClient dynamoDb;
    private final String tableName;

    CarryItems(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    /** The remessa's item first: a pointer never names a remessa whose instructions are unknown. */
    void record(String tenant, Carry carry) {
        Map<String, AttributeValue> item = new HashMap<>(key(tenant, "INS_CARRY#" + TableKeys.digest(carry.objectKey())));
        item.put("type", s("INSTRUCTION_CARRY"));
        item.put("objectKey", s(carry.objectKey()));
        item.put("fileName", s(carry.fileName()));
        item.put("runId", s(carry.runId()));
        item.put("groupKey", s(carry.groupKey()));
        item.put("at", s(carry.at().toString()));
        item.put("count", AttributeValue.fromN(Integer.toString(carry.instructionIds().size())));
        item.put("ids", AttributeValue.fromB(SdkBytes.fromByteArray(TitleIndexCodec.deflate(
                String.join("\n", carry.instructionIds()).getBytes(StandardCharsets.US_ASCII)))));
        dynamoDb.putItem(r -> r.tableName(tableName).item(item));
        Map<String, AttributeValue> pointer = new HashMap<>(runKey(tenant, carry.runId(), carry.groupKey()));
        pointer.put("type", s("INSTRUCTION_RUN"));
        pointer.put("objectKey", s(carry.objectKey()));
        pointer.put("expiresAt", AttributeValue.fromN(Long.toString(carry.at().plus(Duration.ofDays(RUN_POINTER_DAYS))
                .getEpochSecond())));
        dynamoDb.putItem(r -> r.tableName(tableName).item(pointer));
    }

    Optional<Carry> of(String tenant, String objectKey) {
        Map<String, AttributeValue> item = get(key(tenant, "INS_CARRY#" + TableKeys.digest(objectKey)));
        if (item == null) {
            return Optional.empty();
        }
        String ids = new String(TitleIndexCodec.inflate(item.get("ids").b().asByteArray()), StandardCharsets.US_ASCII);
        return Optional.of(new Carry(item.get("objectKey").s(), item.get("fileName").s(), item.get("runId").s(),
                item.get("groupKey").s(), ids.isEmpty() ? List.of() : Arrays.asList(ids.split("\n")),
                Instant.parse(item.get("at").s())));
    }

    Optional<Carry> ofRun(String tenant, String runId, String groupKey) {
        Map<String, AttributeValue> pointer = get(runKey(tenant, runId, groupKey));
        return pointer == null ? Optional.empty() : of(tenant, pointer.get("objectKey").s());
    }

    private Map<String, AttributeValue> get(Map<String, AttributeValue> key) {
        Map<String, AttributeValue> item = dynamoDb.getItem(r -> r.tableName(tableName).key(key).consistentRead(true))
                .item();
        return item == null || item.isEmpty() ? null : item;
    }

    private static Map<String, AttributeValue> runKey(String tenant, String runId, String groupKey) {
        return key(tenant, "INS_RUN#" + runId + "#" + TableKeys.digest(groupKey));
    }

    private static Map<String, AttributeValue> key(String tenant, String sort) {
        return Map.of("PK", s(TableKeys.tenantPartition(tenant)), "SK", s(sort));
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
