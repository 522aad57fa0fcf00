package br.bankhistory.history.adapter.dynamodb;

import br.bankhistory.history.port.TitleIndex;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@link TitleIndex} on the history table. A record's entries of one bucket are one item (or a few parts, past
 * {@value #MAX_PART_BYTES} bytes packed): {@code PK = T#{tenant}#TI#{bucket}}, {@code SK = {recordId}#{part}},
 * with the record's bank and kind and the entries deflated ({@link TitleIndexCodec}). A manifest
 * ({@code T#{tenant}} / {@code TIX#{recordId}}) lists the buckets and parts a record wrote, so its entries can
 * be removed. Writing a file of 200,000 titles costs about one write unit per kilobyte packed, spread over the
 * 1,024 partition keys of the buckets (docs/data-model.md, "Title index").
 */
public final class DynamoTitleIndex implements TitleIndex {

    /** Well under DynamoDB's 400 KB item limit, with room for the keys and attributes. */
    static final int MAX_PART_BYTES = 300 * 1024;
    private static final int BATCH = 25;

    private final DynamoDbClient dynamoDb;
    private final String tableName;

    public DynamoTitleIndex(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    static String partition(String tenant, int bucket) {
        return TableKeys.tenantPartition(tenant) + "#TI#" + bucket;
    }

    @Override
    public Writer writer(String tenant, String recordId, String bankCode, String kind, long order) {
        remove(tenant, recordId);
        return new Writer() {
            private final List<WriteRequest> writes = new ArrayList<>();
            private final ByteArrayOutputStream manifest = new ByteArrayOutputStream();

            @Override
            public void add(int bucket, List<Entry> entries) {
                List<byte[]> parts = TitleIndexCodec.pack(entries, MAX_PART_BYTES);
                for (int part = 0; part < parts.size(); part++) {
                    Map<String, AttributeValue> item = new HashMap<>();
                    item.put("PK", AttributeValue.fromS(partition(tenant, bucket)));
                    item.put("SK", AttributeValue.fromS(recordId + "#" + part));
                    item.put("type", AttributeValue.fromS("TITLE_INDEX"));
                    item.put("bank", AttributeValue.fromS(bankCode));
                    item.put("kind", AttributeValue.fromS(kind));
                    item.put("order", AttributeValue.fromN(Long.toString(order)));
                    item.put("e", AttributeValue.fromB(SdkBytes.fromByteArray(parts.get(part))));
                    writes.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
                    if (writes.size() == BATCH) {
                        write(writes);
                        writes.clear();
                    }
                }
                manifest.write(bucket >> 8);
                manifest.write(bucket & 0xFF);
                manifest.write(parts.size());
            }

            @Override
            public void close() {
                write(writes);
                writes.clear();
                dynamoDb.putItem(r -> r.tableName(tableName).item(Map.of(
                        "PK", AttributeValue.fromS(TableKeys.tenantPartition(tenant)),
                        "SK", AttributeValue.fromS("TIX#" + recordId),
                        "type", AttributeValue.fromS("TITLE_INDEX_MANIFEST"),
                        "order", AttributeValue.fromN(Long.toString(order)),
                        "b", AttributeValue.fromB(SdkBytes.fromByteArray(manifest.toByteArray())))));
            }
        };
    }

    @Override
    public OptionalLong order(String tenant, String recordId) {
        Map<String, AttributeValue> manifest = dynamoDb.getItem(r -> r.tableName(tableName).key(manifestKey(tenant,
                recordId)).consistentRead(true)).item();
        if (manifest == null || manifest.isEmpty() || !manifest.containsKey("order")) {
            return OptionalLong.empty();
        }
        long order = Long.parseLong(manifest.get("order").n());
        return order > 0 ? OptionalLong.of(order) : OptionalLong.empty();
    }

    @Override
    public long nextOrder(String tenant) {
        return Long.parseLong(dynamoDb.updateItem(r -> r.tableName(tableName)
                .key(Map.of("PK", AttributeValue.fromS(TableKeys.tenantPartition(tenant)),
                        "SK", AttributeValue.fromS("TI_ORDER")))
                .updateExpression("ADD #n :one")
                .expressionAttributeNames(Map.of("#n", "n"))
                .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1")))
                .returnValues(software.amazon.awssdk.services.dynamodb.model.ReturnValue.UPDATED_NEW))
                .attributes().get("n").n());
    }

    private static Map<String, AttributeValue> manifestKey(String tenant, String recordId) {
        return Map.of("PK", AttributeValue.fromS(TableKeys.tenantPartition(tenant)),
                "SK", AttributeValue.fromS("TIX#" + recordId));
    }

    @Override
    public List<Found> bucket(String tenant, int bucket) {
        List<Found> found = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse page = dynamoDb.query(r -> r.tableName(tableName)
                    .keyConditionExpression("PK = :pk")
                    .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(partition(tenant, bucket))))
                    .exclusiveStartKey(from));
            for (Map<String, AttributeValue> item : page.items()) {
                String sk = item.get("SK").s();
                String recordId = sk.substring(0, sk.lastIndexOf('#'));
                String bank = item.get("bank").s();
                String kind = item.get("kind").s();
                long order = item.containsKey("order") ? Long.parseLong(item.get("order").n()) : 0;
                for (Entry e : TitleIndexCodec.unpack(item.get("e").b().asByteArray())) {
                    found.add(new Found(recordId, bank, kind, order, e));
                }
            }
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return found;
    }

    @Override
    public List<Found> find(String tenant, Collection<String> keys) {
        Map<Integer, Set<String>> byBucket = new TreeMap<>();
        for (String key : keys) {
            byBucket.computeIfAbsent(TitleIndex.bucketOf(key), b -> new HashSet<>()).add(key);
        }
        List<Found> found = new ArrayList<>();
        byBucket.forEach((bucket, wanted) -> bucket(tenant, bucket).stream()
                .filter(f -> wanted.contains(f.entry().key())).forEach(found::add));
        return found;
    }

    @Override
    public void remove(String tenant, String recordId) {
        Map<String, AttributeValue> key = manifestKey(tenant, recordId);
        Map<String, AttributeValue> manifest = dynamoDb.getItem(r -> r.tableName(tableName).key(key)
                .consistentRead(true)).item();
        if (manifest == null || manifest.isEmpty()) {
            return;
        }
        byte[] b = manifest.get("b").b().asByteArray();
        List<WriteRequest> deletes = new ArrayList<>();
        for (int i = 0; i + 2 < b.length; i += 3) {
            int bucket = ((b[i] & 0xFF) << 8) | (b[i + 1] & 0xFF);
            for (int part = 0; part < (b[i + 2] & 0xFF); part++) {
                deletes.add(WriteRequest.builder().deleteRequest(DeleteRequest.builder().key(Map.of(
                        "PK", AttributeValue.fromS(partition(tenant, bucket)),
                        "SK", AttributeValue.fromS(recordId + "#" + part))).build()).build());
            }
        }
        write(deletes);
        dynamoDb.deleteItem(r -> r.tableName(tableName).key(key));
    }

    /** Batches of 25; what DynamoDB leaves unprocessed (throttling) is written one by one, under the SDK's backoff. */
    private void write(List<WriteRequest> requests) {
        if (requests.isEmpty()) {
            return;
        }
        for (int from = 0; from < requests.size(); from += BATCH) {
            List<WriteRequest> batch = requests.subList(from, Math.min(requests.size(), from + BATCH));
            BatchWriteItemResponse response = dynamoDb.batchWriteItem(r -> r.requestItems(Map.of(tableName, batch)));
            for (WriteRequest left : response.unprocessedItems().getOrDefault(tableName, List.of())) {
                if (left.putRequest() != null) {
                    dynamoDb.putItem(r -> r.tableName(tableName).item(left.putRequest().item()));
                } else {
                    dynamoDb.deleteItem(r -> r.tableName(tableName).key(left.deleteRequest().key()));
                }
            }
        }
    }
}
