package br.bankhistory.history.adapter.dynamodb;

import br.bankhistory.history.domain.ChangeEvent;
import br.bankhistory.history.domain.OutboxEvent;
import br.bankhistory.history.domain.PendingInstruction;
import br.bankhistory.history.domain.PendingInstruction.Carrier;
import br.bankhistory.history.domain.PendingInstruction.Cancellation;
import br.bankhistory.history.domain.PendingInstruction.Status;
import br.bankhistory.history.port.InstructionStore;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link InstructionStore} on the history table: {@code T#{tenant}} / {@code INS#{id}}, listed by status through
 * the {@code byStatus} index (partition {@code T#{tenant}#IS#{status}}, sorted by the instruction id, so newest
 * first), and one {@code T#{tenant}} / {@code INS_PENDING} item per tenant with pending instructions, listed in
 * the {@code byStatus} partition {@code SCHEDULE#PENDING} (sort key: the tenant) by the scheduled run. What a
 * scheduled remessa carries is kept apart ({@link CarryItems}); a settling writes the instruction and its outbox
 * event in one transaction.
 */
public final class DynamoInstructionStore implements InstructionStore {

    static final String PENDING_TENANTS = "SCHEDULE#PENDING";
    private static final String INDEX = "byStatus";
    private static final String MARKER_SORT = "INS_PENDING";

    private final DynamoDbClient dynamoDb;
    private final String tableName;
    private final ObjectMapper json;
    private final InstructionItems items;
    private final CarryItems carries;

    public DynamoInstructionStore(DynamoDbClient dynamoDb, String tableName, ObjectMapper json) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
        this.json = json;
        this.items = new InstructionItems(json);
        this.carries = new CarryItems(dynamoDb, tableName);
    }

    static String statusPartition(String tenant, Status status) {
        return TableKeys.tenantPartition(tenant) + "#IS#" + status.name();
    }

    @Override
    public void create(PendingInstruction instruction) {
        String tenant = instruction.tenant();
        Map<String, AttributeValue> item = new HashMap<>(key(tenant, instruction.id()));
        item.put("type", s("INSTRUCTION"));
        item.put("id", s(instruction.id()));
        item.put("status", s(instruction.status().name()));
        item.put("statusKey", s(statusPartition(tenant, instruction.status())));
        item.put("groupKey", s(instruction.groupKey()));
        item.put("body", s(instruction.body()));
        item.put("createdAt", s(instruction.createdAt().toString()));
        item.put("createdById", s(instruction.createdByUserId()));
        item.put("createdByName", s(instruction.createdByUserName()));
        dynamoDb.putItem(r -> r.tableName(tableName).item(item).conditionExpression("attribute_not_exists(PK)"));
        // after the instruction, so a run that forgets the tenant meanwhile sees this newer touch
        dynamoDb.updateItem(r -> r.tableName(tableName)
                .key(Map.of("PK", s(TableKeys.tenantPartition(tenant)), "SK", s(MARKER_SORT)))
                .updateExpression("SET #type = :type, statusKey = :list, id = :tenant, touchedAt = :at")
                .expressionAttributeNames(Map.of("#type", "type"))
                .expressionAttributeValues(Map.of(":type", s("PENDING_TENANT"), ":list", s(PENDING_TENANTS),
                        ":tenant", s(tenant), ":at", n(instruction.createdAt().toEpochMilli()))));
    }

    @Override
    public Optional<PendingInstruction> find(String tenant, String id) {
        Map<String, AttributeValue> item = dynamoDb.getItem(r -> r.tableName(tableName).key(key(tenant, id))
                .consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(items.instruction(tenant, item));
    }

    @Override
    public Page list(String tenant, Status status, Optional<String> afterId, int limit) {
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":p", s(statusPartition(tenant, status))));
        String condition = "statusKey = :p";
        if (afterId.isPresent()) {
            condition += " AND id < :after";
            values.put(":after", s(afterId.get()));
        }
        QueryRequest query = QueryRequest.builder().tableName(tableName).indexName(INDEX)
                .keyConditionExpression(condition).expressionAttributeValues(values)
                .scanIndexForward(false).limit(limit).build();
        QueryResponse response = dynamoDb.query(query);
        List<PendingInstruction> found = new ArrayList<>();
        for (Map<String, AttributeValue> item : response.items()) {
            found.add(items.instruction(tenant, item));
        }
        boolean more = response.lastEvaluatedKey() != null && !response.lastEvaluatedKey().isEmpty()
                && found.size() == limit;
        return new Page(found, more ? Optional.of(found.get(found.size() - 1).id()) : Optional.empty());
    }

    @Override
    public boolean cancel(String tenant, String id, Cancellation cancellation) {
        return cancelled(tenant, id, cancellation, "#status = :pending AND attribute_not_exists(claimedBy)",
                Map.of(":pending", s(Status.PENDING.name())));
    }

    @Override
    public boolean cancelCarried(String tenant, String id, String objectKey, Cancellation cancellation) {
        return cancelled(tenant, id, cancellation, "#status = :carried AND carriedKey = :object",
                Map.of(":carried", s(Status.CARRIED.name()), ":object", s(objectKey)));
    }

    /** To {@code CANCELLED} with who, when and why, if {@code condition} holds. */
    private boolean cancelled(String tenant, String id, Cancellation cancellation, String condition,
                              Map<String, AttributeValue> conditionValues) {
        Map<String, AttributeValue> values = new HashMap<>(conditionValues);
        values.putAll(Map.of(":to", s(Status.CANCELLED.name()), ":key", s(statusPartition(tenant, Status.CANCELLED)),
                ":at", s(cancellation.at().toString()), ":by", s(cancellation.byUserId()),
                ":name", s(cancellation.byUserName()), ":why", s(cancellation.reason())));
        return conditional(tenant, id, "SET #status = :to, statusKey = :key, cancelledAt = :at, cancelledById = :by, "
                + "cancelledByName = :name, cancelReason = :why", condition, values);
    }

    @Override
    public boolean claim(String tenant, String id, String runId, Instant at) {
        return conditional(tenant, id, "SET claimedBy = :run, claimedAt = :at",
                "#status = :pending AND attribute_not_exists(claimedBy)",
                Map.of(":run", s(runId), ":at", s(at.toString()), ":pending", s(Status.PENDING.name())));
    }

    @Override
    public boolean release(String tenant, String id, String runId) {
        return conditional(tenant, id, "REMOVE claimedBy, claimedAt", "#status = :pending AND claimedBy = :run",
                Map.of(":run", s(runId), ":pending", s(Status.PENDING.name())));
    }

    @Override
    public boolean carry(String tenant, String id, String runId, Carrier carrier) {
        return conditional(tenant, id,
                "SET #status = :to, statusKey = :key, carriedKey = :object, carriedFileName = :file, "
                        + "carriedAt = :at REMOVE claimedBy, claimedAt",
                "#status = :pending AND claimedBy = :run",
                Map.of(":to", s(Status.CARRIED.name()), ":key", s(statusPartition(tenant, Status.CARRIED)),
                        ":object", s(carrier.key()), ":file", s(carrier.fileName()), ":at", s(carrier.at().toString()),
                        ":run", s(runId), ":pending", s(Status.PENDING.name())));
    }

    @Override
    public void recordCarry(String tenant, Carry carry) {
        carries.record(tenant, carry);
    }

    @Override
    public Optional<Carry> carryOf(String tenant, String objectKey) {
        return carries.of(tenant, objectKey);
    }

    @Override
    public Optional<Carry> carryOfRun(String tenant, String runId, String groupKey) {
        return carries.ofRun(tenant, runId, groupKey);
    }

    @Override
    public boolean settle(String tenant, PendingInstruction before, PendingInstruction after, ChangeEvent event) {
        int count = after.answers().size();
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":to", s(after.status().name()),
                ":key", s(statusPartition(tenant, after.status())), ":answers", s(items.write(after.answers())),
                ":count", n(count), ":from", s(before.status().name()),
                ":carrier", s(before.carrier().orElseThrow().key())));
        String counted = before.answers().isEmpty() ? "attribute_not_exists(answerCount)" : "answerCount = :before";
        if (!before.answers().isEmpty()) {
            values.put(":before", n(before.answers().size()));
        }
        // the answer just added was applied last: its time is the change's
        java.time.Instant at = after.answers().stream().map(br.bankhistory.history.domain.Settlement::at)
                .max(java.util.Comparator.naturalOrder()).orElseThrow();
        OutboxEvent outbox = OutboxEvent.of(tenant, before.id(), count, at, event);
        String detail;
        try {
            detail = json.writeValueAsString(outbox.envelope());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an event that is not JSON", e);
        }
        TransactWriteItem instruction = TransactWriteItem.builder().update(u -> u.tableName(tableName)
                .key(key(tenant, before.id()))
                .updateExpression("SET #status = :to, statusKey = :key, answersJson = :answers, answerCount = :count")
                .conditionExpression("#status = :from AND carriedKey = :carrier AND " + counted)
                .expressionAttributeNames(Map.of("#status", "status")).expressionAttributeValues(values)).build();
        TransactWriteItem published = TransactWriteItem.builder().put(p -> p.tableName(tableName)
                .item(OutboxItem.SCHEMA.itemToMap(OutboxItem.of(outbox, detail), true))
                .conditionExpression("attribute_not_exists(PK)")).build();
        try {
            dynamoDb.transactWriteItems(r -> r.transactItems(instruction, published));
            return true;
        } catch (TransactionCanceledException changedMeanwhile) {
            return false;
        }
    }

    @Override
    public List<String> tenantsWithPending() {
        List<String> tenants = new ArrayList<>();
        QueryRequest query = QueryRequest.builder().tableName(tableName).indexName(INDEX)
                .keyConditionExpression("statusKey = :list")
                .expressionAttributeValues(Map.of(":list", s(PENDING_TENANTS))).build();
        dynamoDb.queryPaginator(query).items().forEach(item -> tenants.add(item.get("id").s()));
        return tenants;
    }

    @Override
    public void forgetTenant(String tenant, Instant quietSince) {
        try {
            dynamoDb.deleteItem(r -> r.tableName(tableName)
                    .key(Map.of("PK", s(TableKeys.tenantPartition(tenant)), "SK", s(MARKER_SORT)))
                    .conditionExpression("touchedAt < :since")
                    .expressionAttributeValues(Map.of(":since", n(quietSince.toEpochMilli()))));
        } catch (ConditionalCheckFailedException touchedMeanwhile) {
            // an instruction came in during the run: the next run looks at the tenant again
        }
    }

    private boolean conditional(String tenant, String id, String update, String condition,
                                Map<String, AttributeValue> values) {
        try {
            dynamoDb.updateItem(r -> r.tableName(tableName).key(key(tenant, id))
                    .updateExpression(update).conditionExpression("attribute_exists(PK) AND " + condition)
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(values));
            return true;
        } catch (ConditionalCheckFailedException notSo) {
            return false;
        }
    }

    private static Map<String, AttributeValue> key(String tenant, String id) {
        return Map.of("PK", s(TableKeys.tenantPartition(tenant)), "SK", s("INS#" + id));
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
