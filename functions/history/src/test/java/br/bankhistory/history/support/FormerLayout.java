package br.bankhistory.history.support;

import br.bankhistory.history.Services;
import br.bankhistory.history.adapter.dynamodb.DynamoTitleIndex;
import br.bankhistory.history.adapter.s3.S3ItemStore;
import br.bankhistory.history.domain.OurNumbers;
import br.bankhistory.history.domain.Reconciliation;
import br.bankhistory.history.domain.StoredItem;
import br.bankhistory.history.port.ItemReader;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Puts a record back in the layout the service wrote before items moved to S3 chunks (commit 0673f74 removed
 * that writer): one DynamoDB item per title under {@code T#{tenant}#R#{recordId}} / {@code I#{seq, 8 digits}},
 * with the attributes the former {@code DynamoItemStore} wrote (and its {@code byOurNumber} keys), the link
 * reconciliation gave it on the item itself, no chunks, and nothing in the title index.
 */
public final class FormerLayout {

    private FormerLayout() {
    }

    /** Rewrites the record's items (read as they page now) in the former layout; answers how many. */
    public static int rewrite(Services services, String tenant, String recordId) {
        String table = services.config().tableName();
        String bucket = services.config().bucketName();
        S3ItemStore chunks = new S3ItemStore(services.s3(), bucket, null);
        List<WriteRequest> rows = new ArrayList<>();
        int after = 0;
        while (true) {
            ItemReader.ItemPage page = chunks.page(tenant, recordId, after, 1000);
            page.items().forEach(item -> rows.add(WriteRequest.builder()
                    .putRequest(PutRequest.builder().item(row(tenant, item)).build()).build()));
            if (page.lastSeq().isEmpty()) {
                break;
            }
            after = page.lastSeq().get();
        }
        write(services, rows);
        List<ObjectIdentifier> objects = services.s3().listObjectsV2Paginator(r -> r.bucket(bucket)
                        .prefix("items/" + tenant + "/" + recordId + "/")).contents().stream()
                .map(o -> ObjectIdentifier.builder().key(o.key()).build()).toList();
        if (!objects.isEmpty()) {
            services.s3().deleteObjects(r -> r.bucket(bucket).delete(d -> d.objects(objects)));
        }
        new DynamoTitleIndex(services.dynamoDb(), table).remove(tenant, recordId);
        return rows.size();
    }

    /** Writes items in the former layout only (no chunks, nothing in the title index): a store's seed. */
    public static void put(Services services, String tenant, List<StoredItem> items) {
        write(services, items.stream().map(item -> WriteRequest.builder()
                .putRequest(PutRequest.builder().item(row(tenant, item)).build()).build()).toList());
    }

    private static void write(Services services, List<WriteRequest> rows) {
        String table = services.config().tableName();
        for (int from = 0; from < rows.size(); from += 25) {
            List<WriteRequest> batch = rows.subList(from, Math.min(rows.size(), from + 25));
            services.dynamoDb().batchWriteItem(r -> r.requestItems(Map.of(table, batch))).unprocessedItems()
                    .getOrDefault(table, List.of()).forEach(w -> services.dynamoDb().putItem(p -> p.tableName(table)
                            .item(w.putRequest().item())));
        }
    }

    /** The record's items in the former layout still in the table (one Query, counted). */
    public static int count(Services services, String tenant, String recordId) {
        return services.dynamoDb().queryPaginator(r -> r.tableName(services.config().tableName())
                        .keyConditionExpression("PK = :pk AND begins_with(SK, :i)")
                        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(partition(tenant, recordId)),
                                ":i", AttributeValue.fromS("I#"))).select("COUNT"))
                .stream().mapToInt(page -> page.count()).sum();
    }

    /** Whether any chunk, link or answer of the record is in the bucket. */
    public static boolean hasObjects(Services services, String tenant, String recordId) {
        return !services.s3().listObjectsV2(r -> r.bucket(services.config().bucketName())
                .prefix("items/" + tenant + "/" + recordId + "/").maxKeys(1)).contents().isEmpty();
    }

    private static String partition(String tenant, String recordId) {
        return "T#" + tenant + "#R#" + recordId;
    }

    private static Map<String, AttributeValue> row(String tenant, StoredItem i) {
        Map<String, AttributeValue> row = new HashMap<>();
        String sort = String.format("I#%08d", i.seq());
        row.put("PK", AttributeValue.fromS(partition(tenant, i.recordId())));
        row.put("SK", AttributeValue.fromS(sort));
        String ourNumberKey = OurNumbers.key(i.ourNumber());
        if (!ourNumberKey.isEmpty()) {
            row.put("ourNumberKey", AttributeValue.fromS("T#" + tenant + "#ON#" + ourNumberKey));
            row.put("itemSort", AttributeValue.fromS(i.recordId() + "#" + sort));
        }
        row.put("type", AttributeValue.fromS("ITEM"));
        row.put("recordId", AttributeValue.fromS(i.recordId()));
        row.put("seq", AttributeValue.fromN(Integer.toString(i.seq())));
        text(row, "fileName", i.fileName());
        row.put("line", AttributeValue.fromN(Integer.toString(i.line())));
        text(row, "segment", i.segment());
        text(row, "ourNumber", i.ourNumber());
        text(row, "yourNumber", i.yourNumber());
        text(row, "occurrenceCode", i.occurrenceCode());
        text(row, "occurrenceText", i.occurrenceText());
        text(row, "category", i.category());
        row.put("reasons", AttributeValue.fromL(i.reasons().stream().map(AttributeValue::fromS).toList()));
        date(row, "dueDate", i.dueDate());
        row.put("amountCents", AttributeValue.fromN(Long.toString(i.amountCents())));
        row.put("paidCents", AttributeValue.fromN(Long.toString(i.paidCents())));
        row.put("feeCents", AttributeValue.fromN(Long.toString(i.feeCents())));
        date(row, "occurrenceDate", i.occurrenceDate());
        date(row, "creditDate", i.creditDate());
        text(row, "counterpartName", i.counterpartName());
        text(row, "counterpartDocument", i.counterpartDocument());
        Reconciliation link = i.reconciliation();
        if (link != null) { // the former reconcile(): the link written on the item itself
            row.put("reconStatus", AttributeValue.fromS(link.status().name()));
            text(row, "reconRecordId", link.recordId());
            text(row, "reconFileName", link.fileName());
            row.put("reconSeq", AttributeValue.fromN(Integer.toString(link.seq())));
            text(row, "reconCategory", link.category());
        }
        return row;
    }

    private static void text(Map<String, AttributeValue> row, String name, String value) {
        if (value != null) {
            row.put(name, AttributeValue.fromS(value));
        }
    }

    private static void date(Map<String, AttributeValue> row, String name, LocalDate value) {
        if (value != null) {
            row.put(name, AttributeValue.fromS(value.toString()));
        }
    }
}
