package br.bankhistory.history.adapter.dynamodb;

import br.bankhistory.history.domain.ChangeEvent;
import br.bankhistory.history.domain.IntegrationRecord;
import br.bankhistory.history.domain.ListFilter;
import br.bankhistory.history.domain.OutboxEvent;
import br.bankhistory.history.domain.RecordDecision;
import br.bankhistory.history.domain.StatusChange;
import br.bankhistory.history.domain.StoredFinding;
import br.bankhistory.history.port.RecordStore;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.PutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactPutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * {@link RecordStore} on one DynamoDB table, through the Enhanced Client with static schemas. It reads and
 * revises the record item ({@link RecordMapping}) and creates a record with its object pointers in one
 * transaction; the pointers ({@link ObjectPointers}), claims ({@link DeliveryClaims}), status changes
 * ({@link RecordStatusWrites}), decisions ({@link DynamoRecordDecisions}) and list pages ({@link RecordPages})
 * are each written and read by their own part.
 */
public final class DynamoRecordStore implements RecordStore {

    private static final Expression ONLY_IF_NEW = OutboxWrites.ONLY_IF_NEW;

    private final DynamoDbTable<RecordItem> records;
    private final DynamoDbTable<ObjectDeliveryItem> deliveries;
    private final RecordMapping mapping;
    private final OutboxWrites outboxWrites;
    private final ObjectPointers pointers;
    private final DeliveryClaims claims;
    private final RecordStatusWrites statusWrites;
    private final DynamoRecordDecisions decisions;
    private final RecordPages pages;

    public DynamoRecordStore(DynamoDbEnhancedClient enhanced, String tableName) {
        this.records = enhanced.table(tableName, RecordItem.SCHEMA);
        this.deliveries = enhanced.table(tableName, ObjectDeliveryItem.SCHEMA);
        this.mapping = new RecordMapping();
        this.outboxWrites = new OutboxWrites(enhanced, tableName, RecordMapping::write);
        this.pointers = new ObjectPointers(records, deliveries);
        this.claims = new DeliveryClaims(deliveries);
        this.statusWrites = new RecordStatusWrites(records, mapping, outboxWrites);
        this.decisions = new DynamoRecordDecisions(records, mapping, outboxWrites);
        this.pages = new RecordPages(records, mapping);
    }

    @Override
    public Optional<String> recordIdForObject(String tenant, String objectIdentity) {
        return pointers.recordIdForObject(tenant, objectIdentity);
    }

    @Override
    public Optional<String> recordIdForKey(String tenant, String objectKey) {
        return pointers.recordIdForKey(tenant, objectKey);
    }

    @Override
    public boolean saveNew(IntegrationRecord record, StatusChange created, String objectIdentity,
                           Optional<ChangeEvent> event) {
        // A token per call: the SDK's own retry of this call is idempotent (a first attempt that was
        // applied but whose answer was lost is not mistaken for a competing delivery), while two
        // deliveries of the same object still race on the conditions.
        TransactWriteItemsEnhancedRequest.Builder transaction = TransactWriteItemsEnhancedRequest.builder()
                .clientRequestToken(UUID.randomUUID().toString())
                .addPutItem(records, TransactPutItemEnhancedRequest.builder(RecordItem.class)
                        .item(mapping.toItem(record, List.of(created))).conditionExpression(ONLY_IF_NEW).build())
                .addPutItem(deliveries, TransactPutItemEnhancedRequest.builder(ObjectDeliveryItem.class)
                        .item(ObjectPointers.delivery(record, objectIdentity)).conditionExpression(ONLY_IF_NEW).build())
                // unconditional: a new object under the same key (a new record) takes the key over
                .addPutItem(deliveries, ObjectPointers.byKey(record));
        event.ifPresent(e -> outboxWrites.addEvent(transaction, OutboxEvent.of(record.tenant(), record.id(), 1, created.at(), e)));
        return outboxWrites.transact(transaction);
    }

    @Override
    public ClaimHolder claim(String tenant, String claimKey, String recordId, Instant now) {
        return claims.claim(tenant, claimKey, recordId, now);
    }

    @Override
    public boolean takeOver(String tenant, String claimKey, String recordId, String from, Instant now) {
        return claims.takeOver(tenant, claimKey, recordId, from, now);
    }

    @Override
    public void releaseClaim(String tenant, String claimKey, String recordId) {
        claims.release(tenant, claimKey, recordId);
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
            RecordItem current = readConsistent(tenant, id);
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
        RecordItem current = readConsistent(tenant, id);
        return current != null
                && statusWrites.write(current, mapping.toRecord(current).withStatus(change.to()), change, event);
    }

    @Override
    public boolean replace(IntegrationRecord record, StatusChange change) {
        RecordItem current = readConsistent(record.tenant(), record.id());
        return current != null && statusWrites.write(current, record, change, Optional.empty());
    }

    @Override
    public RecordPage list(String tenant, ListFilter filter, Optional<String> afterId, int limit) {
        return pages.list(tenant, filter, afterId, limit);
    }

    private RecordItem readConsistent(String tenant, String id) {
        return records.getItem(r -> r.key(recordKey(tenant, id)).consistentRead(true));
    }

    private static Key recordKey(String tenant, String id) {
        return Key.builder()
                .partitionValue(TableKeys.tenantPartition(tenant))
                .sortValue(TableKeys.recordSort(id))
                .build();
    }
}
