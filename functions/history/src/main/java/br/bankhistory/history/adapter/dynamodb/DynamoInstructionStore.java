package br.bankhistory.history.adapter.dynamodb;

import br.bankhistory.history.domain.ChangeEvent;
import br.bankhistory.history.domain.PendingInstruction;
import br.bankhistory.history.domain.PendingInstruction.Carrier;
import br.bankhistory.history.domain.PendingInstruction.Cancellation;
import br.bankhistory.history.domain.PendingInstruction.Status;
import br.bankhistory.history.port.InstructionStore;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static br.bankhistory.history.adapter.dynamodb.InstructionKeys.statusPartition;

/**
 * {@link InstructionStore} on the history table: {@code T#{tenant}} / {@code INS#{id}}, listed by status through
 * the {@code byStatus} index (partition {@code T#{tenant}#IS#{status}}, sorted by the instruction id, so newest
 * first), and one {@code T#{tenant}} / {@code INS_PENDING} item per tenant with pending instructions, listed in
 * the {@code byStatus} partition {@code SCHEDULE#PENDING} (sort key: the tenant) by the scheduled run
 * ({@link PendingTenants}). This class creates, reads and lists instructions; their moves are conditional updates
 * ({@link InstructionTransitions}), what a scheduled remessa carries is kept apart ({@link CarryItems}), and a
 * settling writes the instruction and its outbox event in one transaction ({@link InstructionSettlement}).
 */
public final class DynamoInstructionStore implements InstructionStore {

    private final DynamoDbClient dynamoDb;
    private final String tableName;
    private final InstructionItems items;
    private final PendingTenants pendingTenants;
    private final InstructionTransitions transitions;
    private final InstructionSettlement settlement;
    private final CarryItems carries;

    public DynamoInstructionStore(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
        this.items = new InstructionItems();
        this.pendingTenants = new PendingTenants(dynamoDb, tableName);
        this.transitions = new InstructionTransitions(dynamoDb, tableName);
        this.settlement = new InstructionSettlement(dynamoDb, tableName, items);
        this.carries = new CarryItems(dynamoDb, tableName);
    }

    @Override
    public void create(PendingInstruction instruction) {
        String tenant = instruction.tenant();
        Map<String, AttributeValue> item = new HashMap<>(InstructionKeys.instruction(tenant, instruction.id()));
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
        pendingTenants.touch(tenant, instruction.createdAt());
    }

    @Override
    public Optional<PendingInstruction> find(String tenant, String id) {
        Map<String, AttributeValue> item = dynamoDb.getItem(r -> r.tableName(tableName)
                .key(InstructionKeys.instruction(tenant, id)).consistentRead(true)).item();
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
        QueryRequest query = QueryRequest.builder().tableName(tableName).indexName(InstructionKeys.INDEX)
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
        return transitions.cancel(tenant, id, cancellation);
    }

    @Override
    public boolean cancelCarried(String tenant, String id, String objectKey, Cancellation cancellation) {
        return transitions.cancelCarried(tenant, id, objectKey, cancellation);
    }

    @Override
    public boolean claim(String tenant, String id, String runId, Instant at) {
        return transitions.claim(tenant, id, runId, at);
    }

    @Override
    public boolean release(String tenant, String id, String runId) {
        return transitions.release(tenant, id, runId);
    }

    @Override
    public boolean carry(String tenant, String id, String runId, Carrier carrier) {
        return transitions.carry(tenant, id, runId, carrier);
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
        return settlement.settle(tenant, before, after, event);
    }

    @Override
    public List<String> tenantsWithPending() {
        return pendingTenants.list();
    }

    @Override
    public void forgetTenant(String tenant, Instant quietSince) {
        pendingTenants.forget(tenant, quietSince);
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
