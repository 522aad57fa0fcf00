package br.bankhistory.history.adapter.dynamodb;

import br.bankhistory.cnab.Category;
import br.bankhistory.cnab.Item;
import br.bankhistory.history.domain.Reconciliation;
import br.bankhistory.history.domain.StoredItem;
import br.bankhistory.history.port.FormerItems;
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

/**
 * The items of records written before items moved to S3 chunks (docs/data-model.md, "Items"): one DynamoDB
 * partition per record, items sorted by position, links on each item. Read (and removed) only; new records
 * never write here, and {@code MigrateItems} moves old records to chunks.
 */
public final class DynamoItemStore implements FormerItems {

    private static final int BATCH = 25;

    private final DynamoDbEnhancedClient client;
    private final DynamoDbTable<ItemRow> items;

    public DynamoItemStore(DynamoDbEnhancedClient enhanced, String tableName) {
        this.client = enhanced;
        this.items = client.table(tableName, ItemRow.SCHEMA);
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
    public boolean hasItems(String tenant, String recordId) {
        return !page(tenant, recordId, 0, 1).items().isEmpty();
    }

    @Override
    public void deleteAll(String tenant, String recordId) {
        String partition = TableKeys.itemPartition(tenant, recordId);
        long count = itemsOf(partition);
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

    /** The highest position written in the partition (items are written densely from 1). */
    private long itemsOf(String partition) {
        Page<ItemRow> last = items.query(QueryEnhancedRequest.builder()
                .queryConditional(QueryConditional.sortBeginsWith(Key.builder()
                        .partitionValue(partition).sortValue(TableKeys.ITEM_PREFIX).build()))
                .scanIndexForward(false).limit(1).build()).iterator().next();
        return last.items().isEmpty() ? 0 : last.items().get(0).getSeq();
    }

    private static StoredItem toItem(ItemRow r) {
        Item item = new Item(r.getLine() == null ? 0 : r.getLine(), nz(r.getSegment()), nz(r.getOurNumber()),
                nz(r.getYourNumber()), nz(r.getOccurrenceCode()), nz(r.getOccurrenceText()),
                r.getCategory() == null || r.getCategory().isEmpty() ? Category.OTHER : Category.valueOf(r.getCategory()),
                r.getReasons() == null ? List.of() : r.getReasons(), parse(r.getDueDate()), orZero(r.getAmountCents()),
                orZero(r.getPaidCents()), orZero(r.getFeeCents()), parse(r.getOccurrenceDate()),
                parse(r.getCreditDate()), nz(r.getCounterpartName()), nz(r.getCounterpartDocument()));
        Reconciliation link = r.getReconStatus() == null ? null
                : new Reconciliation(Reconciliation.Status.valueOf(r.getReconStatus()), nz(r.getReconRecordId()),
                        nz(r.getReconFileName()), r.getReconSeq() == null ? 0 : r.getReconSeq(), 0,
                        nz(r.getReconCategory()));
        return new StoredItem(r.getRecordId(), r.getSeq(), r.getFileName(), item, link,
                link == null || link.status() != Reconciliation.Status.ANSWERED ? List.of() : List.of(link));
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
