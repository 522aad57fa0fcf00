package br.bankhistory.history.adapter.dynamodb;

import br.bankhistory.history.domain.OurNumbers;
import br.bankhistory.history.domain.Reconciliation;
import br.bankhistory.history.domain.StoredItem;
import br.bankhistory.history.port.ItemStore;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.BatchWriteItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.BatchWriteResult;
import software.amazon.awssdk.enhanced.dynamodb.model.Page;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.WriteBatch;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link ItemStore} on the history table: one partition per record, items sorted by position. */
public final class DynamoItemStore implements ItemStore {

    private static final int BATCH = 25;

    private final DynamoDbEnhancedClient client;
    private final DynamoDbTable<ItemRow> items;

    public DynamoItemStore(DynamoDbEnhancedClient enhanced, String tableName) {
        this.client = enhanced;
        this.items = client.table(tableName, ItemRow.SCHEMA);
    }

    @Override
    public Writer writer(String tenant) {
        return new BatchingWriter(tenant);
    }

    @Override
    public ItemPage page(String tenant, String recordId, int afterSeq, int limit) {
        String partition = TableKeys.itemPartition(tenant, recordId);
        QueryEnhancedRequest.Builder request = QueryEnhancedRequest.builder()
                .queryConditional(QueryConditional.sortBeginsWith(Key.builder()
                        .partitionValue(partition).sortValue(TableKeys.ITEM_PREFIX).build()))
                .limit(limit);
        if (afterSeq > 0) {
            request.exclusiveStartKey(Map.of("PK", AttributeValue.fromS(partition),
                    "SK", AttributeValue.fromS(TableKeys.itemSort(afterSeq))));
        }
        Page<ItemRow> page = items.query(request.build()).iterator().next();
        List<StoredItem> found = page.items().stream().map(DynamoItemStore::toItem).toList();
        Optional<Integer> last = page.lastEvaluatedKey() == null || found.isEmpty()
                ? Optional.empty()
                : Optional.of(found.get(found.size() - 1).seq());
        return new ItemPage(found, last);
    }

    @Override
    public void reconcile(String tenant, String recordId, int seq, Reconciliation reconciliation) {
        ItemRow current = items.getItem(Key.builder().partitionValue(TableKeys.itemPartition(tenant, recordId))
                .sortValue(TableKeys.itemSort(seq)).build());
        if (current == null) {
            return;
        }
        current.setReconStatus(reconciliation.status().name());
        current.setReconRecordId(reconciliation.recordId());
        current.setReconFileName(reconciliation.fileName());
        current.setReconSeq(reconciliation.seq());
        current.setReconCategory(reconciliation.category());
        items.putItem(current);
    }

    @Override
    public void deleteAll(String tenant, String recordId, long count) {
        String partition = TableKeys.itemPartition(tenant, recordId);
        for (long first = 1; first <= count; first += BATCH) {
            WriteBatch.Builder<ItemRow> batch = WriteBatch.builder(ItemRow.class).mappedTableResource(items);
            for (long seq = first; seq < first + BATCH && seq <= count; seq++) {
                batch.addDeleteItem(Key.builder().partitionValue(partition).sortValue(TableKeys.itemSort((int) seq))
                        .build());
            }
            BatchWriteResult result = client.batchWriteItem(BatchWriteItemEnhancedRequest.builder()
                    .writeBatches(batch.build()).build());
            result.unprocessedDeleteItemsForTable(items).forEach(items::deleteItem);
        }
    }

    @Override
    public List<StoredItem> findByOurNumber(String tenant, String ourNumberKey, int limit) {
        Page<ItemRow> page = items.index(ItemRow.BY_OUR_NUMBER).query(QueryEnhancedRequest.builder()
                .queryConditional(QueryConditional.keyEqualTo(Key.builder()
                        .partitionValue(TableKeys.ourNumberPartition(tenant, ourNumberKey)).build()))
                .scanIndexForward(false)
                .limit(limit)
                .build()).iterator().next();
        return page.items().stream().map(DynamoItemStore::toItem).toList();
    }

    private final class BatchingWriter implements Writer {

        private final String tenant;
        private final List<ItemRow> buffer = new ArrayList<>(BATCH);

        BatchingWriter(String tenant) {
            this.tenant = tenant;
        }

        @Override
        public void add(StoredItem item) {
            buffer.add(toRow(tenant, item));
            if (buffer.size() == BATCH) {
                flush();
            }
        }

        @Override
        public void close() {
            if (!buffer.isEmpty()) {
                flush();
            }
        }

        /** Unprocessed items (throttling) are written one by one, under the SDK's retry with backoff. */
        private void flush() {
            WriteBatch.Builder<ItemRow> batch = WriteBatch.builder(ItemRow.class).mappedTableResource(items);
            buffer.forEach(batch::addPutItem);
            BatchWriteResult result = client.batchWriteItem(BatchWriteItemEnhancedRequest.builder()
                    .writeBatches(batch.build()).build());
            result.unprocessedPutItemsForTable(items).forEach(items::putItem);
            buffer.clear();
        }
    }

    private static ItemRow toRow(String tenant, StoredItem i) {
        ItemRow row = new ItemRow();
        row.setPk(TableKeys.itemPartition(tenant, i.recordId()));
        row.setSk(TableKeys.itemSort(i.seq()));
        String ourNumberKey = OurNumbers.key(i.ourNumber());
        if (!ourNumberKey.isEmpty()) {
            row.setOurNumberKey(TableKeys.ourNumberPartition(tenant, ourNumberKey));
            row.setItemSort(i.recordId() + "#" + TableKeys.itemSort(i.seq()));
        }
        row.setType("ITEM");
        row.setRecordId(i.recordId());
        row.setSeq(i.seq());
        row.setFileName(i.fileName());
        row.setLine(i.line());
        row.setSegment(i.segment());
        row.setOurNumber(i.ourNumber());
        row.setYourNumber(i.yourNumber());
        row.setOccurrenceCode(i.occurrenceCode());
        row.setOccurrenceText(i.occurrenceText());
        row.setCategory(i.category());
        row.setReasons(i.reasons());
        row.setDueDate(date(i.dueDate()));
        row.setAmountCents(i.amountCents());
        row.setPaidCents(i.paidCents());
        row.setFeeCents(i.feeCents());
        row.setOccurrenceDate(date(i.occurrenceDate()));
        row.setCreditDate(date(i.creditDate()));
        row.setCounterpartName(i.counterpartName());
        row.setCounterpartDocument(i.counterpartDocument());
        return row;
    }

    private static StoredItem toItem(ItemRow r) {
        return new StoredItem(r.getRecordId(), r.getSeq(), r.getFileName(), r.getLine() == null ? 0 : r.getLine(), nz(r.getSegment()), nz(r.getOurNumber()),
                nz(r.getYourNumber()), nz(r.getOccurrenceCode()), nz(r.getOccurrenceText()), nz(r.getCategory()),
                r.getReasons() == null ? List.of() : r.getReasons(), parse(r.getDueDate()), orZero(r.getAmountCents()),
                orZero(r.getPaidCents()), orZero(r.getFeeCents()), parse(r.getOccurrenceDate()),
                parse(r.getCreditDate()), nz(r.getCounterpartName()), nz(r.getCounterpartDocument()),
                r.getReconStatus() == null ? null : new Reconciliation(Reconciliation.Status.valueOf(r.getReconStatus()),
                        nz(r.getReconRecordId()), nz(r.getReconFileName()),
                        r.getReconSeq() == null ? 0 : r.getReconSeq(), nz(r.getReconCategory())));
    }

    private static String date(LocalDate date) {
        return date == null ? null : date.toString();
    }

    private static LocalDate parse(String value) {
        return value == null || value.isEmpty() ? null : LocalDate.parse(value);
    }

    private static String nz(String value) {
        return value == null ? "" : value;
    }

    private static long orZero(Long value) {
        return value == null ? 0 : value;
    }
}
