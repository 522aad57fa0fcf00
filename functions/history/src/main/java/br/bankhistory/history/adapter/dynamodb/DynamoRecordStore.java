package br.bankhistory.history.adapter.dynamodb;

import br.bankhistory.history.domain.Accounts;
import br.bankhistory.history.domain.Approval;
import br.bankhistory.history.domain.ChangeEvent;
import br.bankhistory.history.domain.ConflictException;
import br.bankhistory.history.domain.FileKind;
import br.bankhistory.history.domain.FileNames;
import br.bankhistory.history.domain.IntegrationRecord;
import br.bankhistory.history.domain.ListFilter;
import br.bankhistory.history.domain.Origin;
import br.bankhistory.history.domain.OutboxEvent;
import br.bankhistory.history.domain.RecordDecision;
import br.bankhistory.history.domain.RecordStatus;
import br.bankhistory.history.domain.StatusChange;
import br.bankhistory.history.domain.StoredFinding;
import br.bankhistory.history.domain.Totals;
import br.bankhistory.history.port.RecordStore;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
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
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** {@link RecordStore} on one DynamoDB table, through the Enhanced Client with static schemas. */
public final class DynamoRecordStore implements RecordStore {

    private static final Expression ONLY_IF_NEW = Expression.builder()
            .expression("attribute_not_exists(PK)")
            .build();
    private static final TypeReference<Map<String, Totals>> TOTALS = new TypeReference<>() { };
    private static final TypeReference<List<StoredFinding>> FINDINGS = new TypeReference<>() { };
    private static final TypeReference<Map<String, Long>> COUNTS = new TypeReference<>() { };
    private static final TypeReference<List<StoredChange>> HISTORY = new TypeReference<>() { };
    private static final TypeReference<StoredApproval> APPROVAL = new TypeReference<>() { };
    /** Rounds of read-decide-write a decision gets while other decisions on the record keep winning. */
    private static final int DECISION_ATTEMPTS = 25;
    /** Items one page may read on a sparse combination of filters before it answers with what it found. */
    private static final int MIN_READ_BUDGET = 500;

    private final DynamoDbEnhancedClient client;
    private final DynamoDbTable<RecordItem> records;
    private final DynamoDbTable<ObjectDeliveryItem> deliveries;
    private final DynamoDbTable<OutboxItem> outbox;
    private final ObjectMapper json;

    public DynamoRecordStore(DynamoDbEnhancedClient enhanced, String tableName, ObjectMapper json) {
        this.client = enhanced;
        this.records = client.table(tableName, RecordItem.SCHEMA);
        this.deliveries = client.table(tableName, ObjectDeliveryItem.SCHEMA);
        this.outbox = client.table(tableName, OutboxItem.SCHEMA);
        this.json = json;
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
                        .item(toItem(record, List.of(created))).conditionExpression(ONLY_IF_NEW).build())
                .addPutItem(deliveries, TransactPutItemEnhancedRequest.builder(ObjectDeliveryItem.class)
                        .item(delivery).conditionExpression(ONLY_IF_NEW).build())
                // unconditional: a new object under the same key (a new record) takes the key over
                .addPutItem(deliveries, byKey);
        event.ifPresent(e -> addEvent(transaction, OutboxEvent.of(record.tenant(), record.id(), 1, created.at(), e)));
        return transact(transaction);
    }

    /** Runs the transaction; false when it was cancelled only by its conditions (another writer won). */
    private boolean transact(TransactWriteItemsEnhancedRequest.Builder transaction) {
        try {
            client.transactWriteItems(transaction.build());
            return true;
        } catch (TransactionCanceledException e) {
            if (onlyConditionsFailed(e)) {
                return false;
            }
            throw e;
        }
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
        return Optional.ofNullable(records.getItem(recordKey(tenant, id))).map(this::toRecord);
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
            IntegrationRecord before = toRecord(current);
            IntegrationRecord next = change.apply(before);
            if (next.equals(before)) {
                return true;
            }
            if (next.status() != before.status()) {
                throw new IllegalArgumentException("revise does not change a status (changeStatus does)");
            }
            try {
                records.putItem(PutItemEnhancedRequest.builder(RecordItem.class).item(toItem(next, history(current)))
                        .conditionExpression(Expression.builder()
                                .expression("#status = :status AND findingsJson = :findings AND totalsJson = :totals"
                                        + " AND statusHistoryJson = :history")
                                .putExpressionName("#status", "status")
                                .putExpressionValue(":status", AttributeValue.fromS(current.getStatus()))
                                .putExpressionValue(":findings", AttributeValue.fromS(current.getFindingsJson()))
                                .putExpressionValue(":totals", AttributeValue.fromS(current.getTotalsJson()))
                                .putExpressionValue(":history", AttributeValue.fromS(current.getStatusHistoryJson()))
                                .build())
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
        for (int attempt = 0; attempt < DECISION_ATTEMPTS; attempt++) {
            RecordItem current = records.getItem(r -> r.key(recordKey(tenant, id)).consistentRead(true));
            if (current == null) {
                return Optional.empty();
            }
            IntegrationRecord before = toRecord(current);
            Optional<RecordDecision> decided = decision.apply(before);
            if (decided.isEmpty()) {
                return Optional.of(before);
            }
            List<StatusChange> history = new ArrayList<>(history(current));
            history.add(decided.get().change());
            try {
                records.putItem(PutItemEnhancedRequest.builder(RecordItem.class)
                        .item(toItem(decided.get().next(), history))
                        .conditionExpression(unchanged(current))
                        .build());
                return Optional.of(decided.get().next());
            } catch (ConditionalCheckFailedException anotherDecisionWon) {
                // read again and decide again on what the other request left
            }
        }
        throw new ConflictException("A remessa está recebendo muitas decisões ao mesmo tempo; recarregue e tente de "
                + "novo.");
    }

    /** The record is still exactly as read: status, approval, findings, totals and history. */
    private static Expression unchanged(RecordItem current) {
        Expression.Builder condition = Expression.builder()
                .putExpressionName("#status", "status")
                .putExpressionValue(":status", AttributeValue.fromS(current.getStatus()))
                .putExpressionValue(":findings", AttributeValue.fromS(current.getFindingsJson()))
                .putExpressionValue(":totals", AttributeValue.fromS(current.getTotalsJson()))
                .putExpressionValue(":history", AttributeValue.fromS(current.getStatusHistoryJson()));
        String same = "#status = :status AND findingsJson = :findings AND totalsJson = :totals"
                + " AND statusHistoryJson = :history";
        if (current.getApprovalJson() == null) {
            return condition.expression(same + " AND attribute_not_exists(approvalJson)").build();
        }
        return condition.expression(same + " AND approvalJson = :approval")
                .putExpressionValue(":approval", AttributeValue.fromS(current.getApprovalJson())).build();
    }

    @Override
    public List<StatusChange> statusHistory(String tenant, String id) {
        RecordItem item = records.getItem(recordKey(tenant, id));
        return item == null ? List.of() : history(item);
    }

    @Override
    public boolean changeStatus(String tenant, String id, StatusChange change, Optional<ChangeEvent> event) {
        RecordItem current = records.getItem(r -> r.key(recordKey(tenant, id)).consistentRead(true));
        return current != null && write(current, toRecord(current).withStatus(change.to()), change, event);
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
        List<StatusChange> history = new ArrayList<>(history(current));
        history.add(change);
        Expression stillFrom = stillFrom(current, change);
        if (event.isPresent()) {
            TransactWriteItemsEnhancedRequest.Builder transaction = TransactWriteItemsEnhancedRequest.builder()
                    .clientRequestToken(UUID.randomUUID().toString())
                    .addPutItem(records, TransactPutItemEnhancedRequest.builder(RecordItem.class)
                            .item(toItem(next, history)).conditionExpression(stillFrom).build());
            addEvent(transaction, OutboxEvent.of(next.tenant(), next.id(), history.size(), change.at(), event.get()));
            return transact(transaction);
        }
        try {
            records.putItem(PutItemEnhancedRequest.builder(RecordItem.class)
                    .item(toItem(next, history))
                    .conditionExpression(stillFrom)
                    .build());
            return true;
        } catch (ConditionalCheckFailedException lostTheRace) {
            return false;
        }
    }

    /**
     * The status is still the one the change starts from, and a remessa's approval decisions are still the ones
     * read: a decision does not change the status each time, and must not be lost either.
     */
    private static Expression stillFrom(RecordItem current, StatusChange change) {
        Expression.Builder condition = Expression.builder()
                .putExpressionName("#status", "status")
                .putExpressionValue(":expected", AttributeValue.fromS(change.from().name()));
        if (current.getApprovalJson() == null) {
            return condition.expression("#status = :expected").build();
        }
        return condition.expression("#status = :expected AND approvalJson = :approval")
                .putExpressionValue(":approval", AttributeValue.fromS(current.getApprovalJson())).build();
    }

    /** The event's outbox item, written only once (a repeat of the same change cancels the transaction). */
    private void addEvent(TransactWriteItemsEnhancedRequest.Builder transaction, OutboxEvent event) {
        transaction.addPutItem(outbox, TransactPutItemEnhancedRequest.builder(OutboxItem.class)
                .item(OutboxItem.of(event, write(event.envelope()))).conditionExpression(ONLY_IF_NEW).build());
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
                    matches.add(toRecord(item));
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

    private List<StatusChange> history(RecordItem item) {
        return read(item.getStatusHistoryJson(), HISTORY, List.<StoredChange>of()).stream()
                .map(StoredChange::toChange).toList();
    }

    /** A status change as stored in the record's JSON history (plain strings, no date-time module needed). */
    private record StoredChange(String at, String from, String to, String byUserId, String byUserName,
                                String reason) {

        static StoredChange of(StatusChange c) {
            return new StoredChange(c.at().toString(), c.from() == null ? null : c.from().name(), c.to().name(),
                    c.byUserId(), c.byUserName(), c.reason());
        }

        StatusChange toChange() {
            return new StatusChange(Instant.parse(at), from == null ? null : RecordStatus.valueOf(from),
                    RecordStatus.valueOf(to), byUserId, byUserName, reason);
        }
    }

    /** A remessa's approval as stored in the record (plain strings, as the history). */
    private record StoredApproval(int required, String rule, List<String> creators, List<StoredVote> approvals,
                                  StoredVote rejection) {

        static StoredApproval of(Approval a) {
            return new StoredApproval(a.required(), a.rule(), a.creators(),
                    a.approvals().stream().map(StoredVote::of).toList(), a.rejection().map(StoredVote::of).orElse(null));
        }

        Approval toApproval() {
            return new Approval(required, rule == null ? "" : rule, creators == null ? List.of() : creators,
                    approvals == null ? List.of() : approvals.stream().map(StoredVote::toDecision).toList(),
                    Optional.ofNullable(rejection).map(StoredVote::toDecision));
        }
    }

    private record StoredVote(String userId, String userName, String at, String reason) {

        static StoredVote of(Approval.Decision d) {
            return new StoredVote(d.userId(), d.userName(), d.at().toString(), d.reason());
        }

        Approval.Decision toDecision() {
            return new Approval.Decision(userId, userName, Instant.parse(at), reason == null ? "" : reason);
        }
    }

    private static Key recordKey(String tenant, String id) {
        return Key.builder()
                .partitionValue(TableKeys.tenantPartition(tenant))
                .sortValue(TableKeys.recordSort(id))
                .build();
    }

    private static boolean onlyConditionsFailed(TransactionCanceledException e) {
        return e.hasCancellationReasons() && e.cancellationReasons().stream()
                .map(CancellationReason::code)
                .allMatch(code -> "None".equals(code) || "ConditionalCheckFailed".equals(code));
    }

    private RecordItem toItem(IntegrationRecord r, List<StatusChange> history) {
        RecordItem item = new RecordItem();
        item.setPk(TableKeys.tenantPartition(r.tenant()));
        item.setSk(TableKeys.recordSort(r.id()));
        item.setType("RECORD");
        item.setTenant(r.tenant());
        item.setId(r.id());
        item.setReceivedAt(r.receivedAt().toString());
        item.setFileName(r.fileName());
        item.setObjectKey(r.objectKey());
        item.setSizeBytes(r.sizeBytes());
        item.setSha256(r.sha256());
        item.setOrigin(r.origin().name());
        item.setUserId(r.userId());
        item.setUserName(r.userName());
        item.setStatus(r.status().name());
        item.setKind(r.kind().name());
        item.setLayout(r.layout());
        item.setDirection(r.direction());
        item.setService(r.service());
        item.setBankCode(r.bankCode());
        item.setBankName(r.bankName());
        item.setLayoutVersion(r.layoutVersion());
        item.setCompanyName(r.companyName());
        item.setCompanyDocument(r.companyDocument());
        item.setAgency(r.agency());
        item.setAccount(r.account());
        item.setAgreement(r.agreement());
        item.setSequenceNumber(r.sequenceNumber());
        item.setGeneratedOn(r.generatedOn() == null ? null : r.generatedOn().toString());
        item.setItemCount(r.itemCount());
        item.setTotalAmountCents(r.totalAmountCents());
        item.setTotalPaidCents(r.totalPaidCents());
        item.setTotalsJson(write(r.byCategory()));
        item.setFindingsJson(write(r.findings()));
        item.setFindingCountsJson(write(r.findingCounts()));
        item.setStatusHistoryJson(write(history.stream().map(StoredChange::of).toList()));
        item.setApprovalJson(r.approval().needed() ? write(StoredApproval.of(r.approval())) : null);
        String t = r.tenant();
        item.setKindKey(ListIndex.KIND.partition(t, r.kind().name()));
        item.setDirectionKey(ListIndex.DIRECTION.partition(t, r.direction()));
        item.setBankKey(r.bankCode().isEmpty() ? null : ListIndex.BANK.partition(t, r.bankCode()));
        item.setKindBankKey(r.bankCode().isEmpty() ? null
                : ListIndex.KIND_BANK.partition(t, r.kind().name() + "#" + r.bankCode()));
        String accountNumber = Accounts.accountKey(r.account().isBlank() || Accounts.sameNumber(r.account(), "0")
                ? r.agreement() : r.account());
        item.setAccountKey(accountNumber.isEmpty() || accountNumber.equals("0") ? null
                : ListIndex.ACCOUNT.partition(t, accountNumber));
        item.setOriginKey(ListIndex.ORIGIN.partition(t, r.origin().name()));
        item.setUserKey(r.userId().isEmpty() ? null : ListIndex.USER.partition(t, r.userId()));
        item.setStatusKey(ListIndex.STATUS.partition(t, r.status().name()));
        item.setFileNameKey(ListIndex.FILE_NAME.partition(t, FileNames.key(r.fileName())));
        return item;
    }

    private IntegrationRecord toRecord(RecordItem i) {
        return new IntegrationRecord(
                i.getTenant(), i.getId(), Instant.parse(i.getReceivedAt()), i.getFileName(), i.getObjectKey(),
                orZero(i.getSizeBytes()), i.getSha256(), Origin.valueOf(i.getOrigin()), nz(i.getUserId()),
                nz(i.getUserName()), RecordStatus.valueOf(i.getStatus()), FileKind.valueOf(i.getKind()),
                nz(i.getLayout()), nz(i.getDirection()), nz(i.getService()), nz(i.getBankCode()),
                nz(i.getBankName()), nz(i.getLayoutVersion()), nz(i.getCompanyName()), nz(i.getCompanyDocument()),
                nz(i.getAgency()), nz(i.getAccount()), nz(i.getAgreement()), orZero(i.getSequenceNumber()),
                i.getGeneratedOn() == null ? null : LocalDate.parse(i.getGeneratedOn()),
                orZero(i.getItemCount()), orZero(i.getTotalAmountCents()), orZero(i.getTotalPaidCents()),
                read(i.getTotalsJson(), TOTALS, Map.of()), read(i.getFindingsJson(), FINDINGS, List.of()),
                read(i.getFindingCountsJson(), COUNTS, Map.of()),
                i.getApprovalJson() == null ? Approval.NONE : read(i.getApprovalJson(), APPROVAL, null).toApproval());
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise record part", e);
        }
    }

    private <T> T read(String value, TypeReference<T> type, T empty) {
        if (value == null || value.isEmpty()) {
            return empty;
        }
        try {
            return json.readValue(value, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored record part is not valid JSON", e);
        }
    }

    private static String nz(String value) {
        return value == null ? "" : value;
    }

    private static long orZero(Long value) {
        return value == null ? 0 : value;
    }
}
