package br.bankhistory.history.adapter.dynamodb;

import br.bankhistory.history.domain.ChangeEvent;
import br.bankhistory.history.domain.FileNames;
import br.bankhistory.history.domain.IntegrationRecord;
import br.bankhistory.history.domain.ListFilter;
import br.bankhistory.history.domain.OutboxEvent;
import br.bankhistory.history.domain.RecordDecision;
import br.bankhistory.history.domain.StatusChange;
import br.bankhistory.history.domain.StoredFinding;
import br.bankhistory.history.port.RecordStore;
import com.fasterxml.jackson.databind.ObjectMapper;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.DeleteItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.PutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.Page;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactPutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** {@link RecordStore} on one DynamoDB table, through the Enhanced Client with static schemas. */
public final class DynamoRecordStore implements RecordStore {

    private static final Expression ONLY_IF_NEW = OutboxWrites.ONLY_IF_NEW;
    /** Items one page may read on a sparse combination of filters before it answers with what it found. */
    private static final int MIN_READ_BUDGET = 500;

    private final DynamoDbEnhancedClient client;
    private final DynamoDbTable<RecordItem> records;
    private final DynamoDbTable<ObjectDeliveryItem> deliveries;
    private final RecordMapping mapping;
    private final OutboxWrites outboxWrites;
    private final DynamoRecordDecisions decisions;

    public DynamoRecordStore(DynamoDbEnhancedClient enhanced, String tableName, ObjectMapper json) {
        this.client = enhanced;
        this.records = client.table(tableName, RecordItem.SCHEMA);
        this.deliveries = client.table(tableName, ObjectDeliveryItem.SCHEMA);
        this.mapping = new RecordMapping(json);
        this.outboxWrites = new OutboxWrites(enhanced, tableName, mapping::write);
        this.decisions = new DynamoRecordDecisions(records, mapping, outboxWrites);
    }

    @Override
    public Optional<String> recordIdForObject(String tenant, String objectIdentity) {
        ObjectDeliveryItem item = deliveries.getItem(r -> r.consistentRead(true).key(Key.builder()
                .partitionValue(TableKeys.tenantPartition(tenant))
                .sortValue(TableKeys.objectSort(objectIdentity))
                .build()));
        return Optional.ofNullable(item).map(ObjectDeliveryItem::getRecordId);
    }

    @Override
    public Optional<String> recordIdForKey(String tenant, String objectKey) {
        ObjectDeliveryItem item = deliveries.getItem(r -> r.consistentRead(true).key(Key.builder()
                .partitionValue(TableKeys.tenantPartition(tenant))
                .sortValue(TableKeys.objectKeySort(objectKey))
                .build()));
        if (item != null) {
            return Optional.of(item.getRecordId());
        }
        // Records written before keys pointed at them: found by exact file name, newest first.
        String fileName = objectKey.substring(objectKey.lastIndexOf('/') + 1);
        String partition = ListIndex.FILE_NAME.partition(tenant, FileNames.key(fileName));
        return records.index(ListIndex.FILE_NAME.indexName).query(QueryEnhancedRequest.builder()
                        .queryConditional(QueryConditional.keyEqualTo(Key.builder().partitionValue(partition).build()))
                        .scanIndexForward(false).limit(50).build())
                .iterator().next().items().stream()
                .filter(old -> objectKey.equals(old.getObjectKey())).map(RecordItem::getId).findFirst();
    }

    @Override
    public boolean saveNew(IntegrationRecord record, StatusChange created, String objectIdentity,
                           Optional<ChangeEvent> event) {
        ObjectDeliveryItem delivery = new ObjectDeliveryItem();
        delivery.setPk(TableKeys.tenantPartition(record.tenant()));
        delivery.setSk(TableKeys.objectSort(objectIdentity));
        delivery.setType("OBJECT_DELIVERY");
        delivery.setRecordId(record.id());
        ObjectDeliveryItem byKey = new ObjectDeliveryItem();
        byKey.setPk(TableKeys.tenantPartition(record.tenant()));
        byKey.setSk(TableKeys.objectKeySort(record.objectKey()));
        byKey.setType("OBJECT_KEY");
        byKey.setRecordId(record.id());
        // A token per call: the SDK's own retry of this call is idempotent (a first attempt that was
        // applied but whose answer was lost is not mistaken for a competing delivery), while two
        // deliveries of the same object still race on the conditions.
        TransactWriteItemsEnhancedRequest.Builder transaction = TransactWriteItemsEnhancedRequest.builder()
                .clientRequestToken(UUID.randomUUID().toString())
                .addPutItem(records, TransactPutItemEnhancedRequest.builder(RecordItem.class)
                        .item(mapping.toItem(record, List.of(created))).conditionExpression(ONLY_IF_NEW).build())
                .addPutItem(deliveries, TransactPutItemEnhancedRequest.builder(ObjectDeliveryItem.class)
                        .item(delivery).conditionExpression(ONLY_IF_NEW).build())
                // unconditional: a new object under the same key (a new record) takes the key over
                .addPutItem(deliveries, byKey);
        event.ifPresent(e -> outboxWrites.addEvent(transaction, OutboxEvent.of(record.tenant(), record.id(), 1, created.at(), e)));
        return outboxWrites.transact(transaction);
    }

    @Override
    public ClaimHolder claim(String tenant, String claimKey, String recordId, Instant now) {
        ObjectDeliveryItem claim = claimItem(tenant, claimKey, recordId, now);
        try {
            deliveries.putItem(PutItemEnhancedRequest.builder(ObjectDeliveryItem.class).item(claim)
                    .conditionExpression(Expression.builder().expression("attribute_not_exists(PK) OR recordId = :me")
                            .putExpressionValue(":me", AttributeValue.fromS(recordId)).build())
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                    .build());
            return new ClaimHolder(recordId, now);
        } catch (ConditionalCheckFailedException claimedBefore) {
            ObjectDeliveryItem owner = claimedBefore.hasItem()
                    ? ObjectDeliveryItem.SCHEMA.mapToItem(claimedBefore.item())
                    : deliveries.getItem(r -> r.consistentRead(true).key(Key.builder()
                            .partitionValue(claim.getPk()).sortValue(claim.getSk()).build()));
            if (owner == null) {
                return claim(tenant, claimKey, recordId, now); // released in between
            }
            return new ClaimHolder(owner.getRecordId(),
                    owner.getClaimedAt() == null ? Instant.EPOCH : Instant.parse(owner.getClaimedAt()));
        }
    }

    @Override
    public boolean takeOver(String tenant, String claimKey, String recordId, String from, Instant now) {
        try {
            deliveries.putItem(PutItemEnhancedRequest.builder(ObjectDeliveryItem.class)
                    .item(claimItem(tenant, claimKey, recordId, now))
                    .conditionExpression(Expression.builder().expression("recordId = :from")
                            .putExpressionValue(":from", AttributeValue.fromS(from)).build())
                    .build());
            return true;
        } catch (ConditionalCheckFailedException changedMeanwhile) {
            return false;
        }
    }

    @Override
    public void releaseClaim(String tenant, String claimKey, String recordId) {
        try {
            deliveries.deleteItem(DeleteItemEnhancedRequest.builder().key(Key.builder()
                            .partitionValue(TableKeys.tenantPartition(tenant)).sortValue(claimKey).build())
                    .conditionExpression(Expression.builder().expression("recordId = :me")
                            .putExpressionValue(":me", AttributeValue.fromS(recordId)).build())
                    .build());
        } catch (ConditionalCheckFailedException notMine) {
            // another record holds it: nothing of this one's to give up
        }
    }

    private static ObjectDeliveryItem claimItem(String tenant, String claimKey, String recordId, Instant now) {
        ObjectDeliveryItem claim = new ObjectDeliveryItem();
        claim.setPk(TableKeys.tenantPartition(tenant));
        claim.setSk(claimKey);
        claim.setType("CLAIM");
        claim.setRecordId(recordId);
        claim.setClaimedAt(now.toString());
        return claim;
    }

    @Override
    public Optional<IntegrationRecord> find(String tenant, String id) {
        return Optional.ofNullable(records.getItem(recordKey(tenant, id))).map(mapping::toRecord);
    }

    @Override
    public void addFinding(String tenant, String id, StoredFinding finding) {
        revise(tenant, id, r -> r.findings().stream().anyMatch(f -> f.code().equals(finding.code()))
                ? r // added by an earlier delivery
                : r.withFindings(List.of(finding)));
    }

    @Override
    public boolean revise(String tenant, String id, java.util.function.UnaryOperator<IntegrationRecord> change) {
        for (int attempt = 0; attempt < 5; attempt++) {
            RecordItem current = records.getItem(r -> r.key(recordKey(tenant, id)).consistentRead(true));
            if (current == null) {
                return false;
            }
            IntegrationRecord before = mapping.toRecord(current);
            IntegrationRecord next = change.apply(before);
            if (next.equals(before)) {
                return true;
            }
            if (next.status() != before.status()) {
                throw new IllegalArgumentException("revise does not change a status (changeStatus does)");
            }
            try {
                // as read, approval and delivery included: a delivery try written meanwhile is never undone
                records.putItem(PutItemEnhancedRequest.builder(RecordItem.class).item(mapping.toItem(next, mapping.history(current)))
                        .conditionExpression(DynamoRecordDecisions.unchanged(current))
                        .build());
                return true;
            } catch (ConditionalCheckFailedException changedMeanwhile) {
                // read again and retry
            }
        }
        return false;
    }

    @Override
    public Optional<IntegrationRecord> decide(String tenant, String id,
                                              java.util.function.Function<IntegrationRecord,
                                                      Optional<RecordDecision>> decision) {
        return decisions.decide(recordKey(tenant, id), decision);
    }

    @Override
    public List<StatusChange> statusHistory(String tenant, String id) {
        RecordItem item = records.getItem(recordKey(tenant, id));
        return item == null ? List.of() : mapping.history(item);
    }

    @Override
    public boolean changeStatus(String tenant, String id, StatusChange change, Optional<ChangeEvent> event) {
        RecordItem current = records.getItem(r -> r.key(recordKey(tenant, id)).consistentRead(true));
        return current != null && write(current, mapping.toRecord(current).withStatus(change.to()), change, event);
    }

    @Override
    public boolean replace(IntegrationRecord record, StatusChange change) {
        RecordItem current = records.getItem(r -> r.key(recordKey(record.tenant(), record.id())).consistentRead(true));
        return current != null && write(current, record, change, Optional.empty());
    }

    /**
     * Writes {@code next} over {@code current}, history appended, only if the status is still the one read; with
     * an event, the record and the event go in one transaction (the event's sequence is the change's position in
     * the history), so a change that loses the race writes no event.
     */
    private boolean write(RecordItem current, IntegrationRecord next, StatusChange change, Optional<ChangeEvent> event) {
        if (!change.from().name().equals(current.getStatus())) {
            return false;
        }
        List<StatusChange> history = new ArrayList<>(mapping.history(current));
        history.add(change);
        Expression stillFrom = stillFrom(current, change);
        if (event.isPresent()) {
            TransactWriteItemsEnhancedRequest.Builder transaction = TransactWriteItemsEnhancedRequest.builder()
                    .clientRequestToken(UUID.randomUUID().toString())
                    .addPutItem(records, TransactPutItemEnhancedRequest.builder(RecordItem.class)
                            .item(mapping.toItem(next, history)).conditionExpression(stillFrom).build());
            outboxWrites.addEvent(transaction, OutboxEvent.of(next.tenant(), next.id(), history.size(), change.at(), event.get()));
            return outboxWrites.transact(transaction);
        }
        try {
            records.putItem(PutItemEnhancedRequest.builder(RecordItem.class)
                    .item(mapping.toItem(next, history))
                    .conditionExpression(stillFrom)
                    .build());
            return true;
        } catch (ConditionalCheckFailedException lostTheRace) {
            return false;
        }
    }

    /**
     * The status is still the one the change starts from, and a remessa's approval decisions and delivery are still
     * the ones read: neither changes the status each time, and neither must be lost.
     */
    private static Expression stillFrom(RecordItem current, StatusChange change) {
        Expression.Builder condition = Expression.builder()
                .putExpressionName("#status", "status")
                .putExpressionValue(":expected", AttributeValue.fromS(change.from().name()));
        String expression = "#status = :expected";
        if (current.getApprovalJson() != null) {
            expression += " AND approvalJson = :approval";
            condition.putExpressionValue(":approval", AttributeValue.fromS(current.getApprovalJson()));
        }
        if (current.getDeliveryJson() != null) {
            expression += " AND deliveryJson = :delivery";
            condition.putExpressionValue(":delivery", AttributeValue.fromS(current.getDeliveryJson()));
        }
        return condition.expression(expression).build();
    }

    @Override
    public RecordPage list(String tenant, ListFilter filter, Optional<String> afterId, int limit) {
        ListPlan plan = ListPlan.of(tenant, filter);
        int budget = Math.max(MIN_READ_BUDGET, limit * 20);
        int reads = 0;
        List<IntegrationRecord> matches = new ArrayList<>(limit);
        Optional<String> resumeAfter = afterId;
        while (true) {
            Page<RecordItem> page = plan.query(records, tenant, resumeAfter, limit, this::startKey);
            for (RecordItem item : page.items()) {
                reads++;
                if (plan.accepts(item)) {
                    matches.add(mapping.toRecord(item));
                    if (matches.size() == limit) {
                        return new RecordPage(matches, Optional.of(item.getId()));
                    }
                }
            }
            if (page.lastEvaluatedKey() == null || page.items().isEmpty()) {
                return new RecordPage(matches, Optional.empty());
            }
            resumeAfter = Optional.of(page.items().get(page.items().size() - 1).getId());
            if (reads >= budget) {
                return new RecordPage(matches, resumeAfter);
            }
        }
    }

    /** The exclusive start key of a query positioned on record {@code id} (base table or an index). */
    private Map<String, AttributeValue> startKey(String tenant, String id, ListIndex index, String indexPartition) {
        Map<String, AttributeValue> key = new HashMap<>();
        key.put("PK", AttributeValue.fromS(TableKeys.tenantPartition(tenant)));
        key.put("SK", AttributeValue.fromS(TableKeys.recordSort(id)));
        if (index != null) {
            key.put(index.keyAttribute, AttributeValue.fromS(indexPartition));
            key.put("id", AttributeValue.fromS(id));
        }
        return key;
    }

    private static Key recordKey(String tenant, String id) {
        return Key.builder()
                .partitionValue(TableKeys.tenantPartition(tenant))
                .sortValue(TableKeys.recordSort(id))
                .build();
    }

}
