package br.bankhistory.history.adapter.dynamodb;

import br.bankhistory.history.domain.FileKind;
import br.bankhistory.history.domain.IntegrationRecord;
import br.bankhistory.history.domain.Origin;
import br.bankhistory.history.domain.RecordStatus;
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
import software.amazon.awssdk.enhanced.dynamodb.model.Page;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactPutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.time.Instant;
import java.time.LocalDate;
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

    private final DynamoDbEnhancedClient client;
    private final DynamoDbTable<RecordItem> records;
    private final DynamoDbTable<ObjectDeliveryItem> deliveries;
    private final ObjectMapper json;

    public DynamoRecordStore(DynamoDbClient dynamoDb, String tableName, ObjectMapper json) {
        this.client = DynamoDbEnhancedClient.builder().dynamoDbClient(dynamoDb).build();
        this.records = client.table(tableName, RecordItem.SCHEMA);
        this.deliveries = client.table(tableName, ObjectDeliveryItem.SCHEMA);
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
    public boolean saveNew(IntegrationRecord record, String objectIdentity) {
        ObjectDeliveryItem delivery = new ObjectDeliveryItem();
        delivery.setPk(TableKeys.tenantPartition(record.tenant()));
        delivery.setSk(TableKeys.objectSort(objectIdentity));
        delivery.setType("OBJECT_DELIVERY");
        delivery.setRecordId(record.id());
        try {
            // A token per call: the SDK's own retry of this call is idempotent (a first attempt that was
            // applied but whose answer was lost is not mistaken for a competing delivery), while two
            // deliveries of the same object still race on the conditions.
            client.transactWriteItems(TransactWriteItemsEnhancedRequest.builder()
                    .clientRequestToken(UUID.randomUUID().toString())
                    .addPutItem(records, TransactPutItemEnhancedRequest.builder(RecordItem.class)
                            .item(toItem(record)).conditionExpression(ONLY_IF_NEW).build())
                    .addPutItem(deliveries, TransactPutItemEnhancedRequest.builder(ObjectDeliveryItem.class)
                            .item(delivery).conditionExpression(ONLY_IF_NEW).build())
                    .build());
            return true;
        } catch (TransactionCanceledException e) {
            if (onlyConditionsFailed(e)) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public Optional<IntegrationRecord> find(String tenant, String id) {
        RecordItem item = records.getItem(Key.builder()
                .partitionValue(TableKeys.tenantPartition(tenant))
                .sortValue(TableKeys.recordSort(id))
                .build());
        return Optional.ofNullable(item).map(this::toRecord);
    }

    @Override
    public RecordPage listNewestFirst(String tenant, Optional<String> afterId, int limit) {
        String partition = TableKeys.tenantPartition(tenant);
        QueryEnhancedRequest.Builder request = QueryEnhancedRequest.builder()
                .queryConditional(QueryConditional.sortBeginsWith(Key.builder()
                        .partitionValue(partition).sortValue(TableKeys.RECORD_PREFIX).build()))
                .scanIndexForward(false)
                .limit(limit);
        afterId.ifPresent(id -> request.exclusiveStartKey(Map.of(
                "PK", AttributeValue.fromS(partition),
                "SK", AttributeValue.fromS(TableKeys.recordSort(id)))));
        Page<RecordItem> page = records.query(request.build()).iterator().next();
        List<IntegrationRecord> found = page.items().stream().map(this::toRecord).toList();
        Optional<String> last = page.lastEvaluatedKey() == null || found.isEmpty()
                ? Optional.empty()
                : Optional.of(found.get(found.size() - 1).id());
        return new RecordPage(found, last);
    }

    private static boolean onlyConditionsFailed(TransactionCanceledException e) {
        return e.hasCancellationReasons() && e.cancellationReasons().stream()
                .map(CancellationReason::code)
                .allMatch(code -> "None".equals(code) || "ConditionalCheckFailed".equals(code));
    }

    private RecordItem toItem(IntegrationRecord r) {
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
                read(i.getFindingCountsJson(), COUNTS, Map.of()));
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
