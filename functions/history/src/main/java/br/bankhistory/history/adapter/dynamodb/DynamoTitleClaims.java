package br.bankhistory.history.adapter.dynamodb;

import br.bankhistory.history.port.TitleClaims;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * {@link TitleClaims} on the history table: one item per title, {@code PK = T#{tenant}#TC#{title key}},
 * {@code SK = CLAIM}, so claims spread over as many partition keys as there are titles (no hot partition for
 * a remessa of 10,000 titles). A claim reads the titles first (BatchGetItem: titles this object holds already
 * cost no write), then writes the free ones in transactions of up to 50, each put on condition the title is
 * still free; a failed condition names the holder. Groups run in parallel.
 */
public final class DynamoTitleClaims implements TitleClaims {

    private static final int PARALLEL = 8;
    /** Keys per BatchGetItem (DynamoDB's limit). */
    private static final int READS = 100;
    /** Items per TransactWriteItems (DynamoDB's limit is 100; smaller batches conflict less). */
    private static final int WRITES = 50;

    private final DynamoDbClient dynamoDb;
    private final String tableName;

    public DynamoTitleClaims(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    @Override
    public Map<String, Holder> claim(String tenant, String objectKey, String fileName, List<Title> titles,
                                     Instant now) {
        Map<String, Holder> held = new ConcurrentHashMap<>();
        // one title per key (a remessa naming a title twice claims it once)
        Map<String, Title> byKey = new java.util.LinkedHashMap<>();
        titles.forEach(t -> byKey.putIfAbsent(t.key(), t));
        List<List<Title>> groups = groups(new ArrayList<>(byKey.values()), READS);
        forEach(groups, group -> {
            // what is claimed already (a remessa's own titles, recorded again by Ingest, cost no write)
            Map<String, Map<String, AttributeValue>> existing = read(tenant, group);
            List<Title> free = new ArrayList<>();
            for (Title title : group) {
                Map<String, AttributeValue> holder = existing.get(title.key());
                if (holder == null) {
                    free.add(title);
                } else if (!objectKey.equals(holder.get("objectKey").s())) {
                    held.put(title.key(), holder(holder));
                }
            }
            for (List<Title> batch : groups(free, WRITES)) {
                claimAll(tenant, objectKey, fileName, batch, now, held);
            }
        });
        return held;
    }

    /**
     * Claims a batch of free titles in one transaction, each on condition it is still free; a title that a
     * concurrent claimer took in between cancels the transaction, is reported held, and the others go again.
     */
    private void claimAll(String tenant, String objectKey, String fileName, List<Title> batch, Instant now,
                          Map<String, Holder> held) {
        List<Title> pending = new ArrayList<>(batch);
        while (!pending.isEmpty()) {
            List<TransactWriteItem> puts = pending.stream().map(title -> TransactWriteItem.builder()
                    .put(Put.builder().tableName(tableName).item(item(tenant, objectKey, fileName, title, now))
                            .conditionExpression("attribute_not_exists(PK) OR objectKey = :mine")
                            .expressionAttributeValues(Map.of(":mine", AttributeValue.fromS(objectKey)))
                            .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                            .build()).build()).toList();
            try {
                dynamoDb.transactWriteItems(r -> r.transactItems(puts));
                return;
            } catch (TransactionCanceledException cancelled) {
                List<CancellationReason> reasons = cancelled.hasCancellationReasons() ? cancelled.cancellationReasons()
                        : List.of();
                if (reasons.size() != pending.size()) {
                    throw cancelled;
                }
                List<Title> again = new ArrayList<>();
                for (int i = 0; i < pending.size(); i++) {
                    Title title = pending.get(i);
                    CancellationReason reason = reasons.get(i);
                    if ("ConditionalCheckFailed".equals(reason.code())) {
                        Map<String, AttributeValue> old = reason.hasItem() && !reason.item().isEmpty() ? reason.item()
                                : dynamoDb.getItem(r -> r.tableName(tableName).key(key(tenant, title.key()))
                                .consistentRead(true)).item();
                        held.put(title.key(), holder(old));
                    } else if ("None".equals(reason.code()) || "TransactionConflict".equals(reason.code())) {
                        again.add(title);
                    } else {
                        throw cancelled;
                    }
                }
                pending = again;
            }
        }
    }

    private Map<String, Map<String, AttributeValue>> read(String tenant, List<Title> group) {
        Map<String, Map<String, AttributeValue>> found = new HashMap<>();
        List<Map<String, AttributeValue>> keys = group.stream().map(t -> key(tenant, t.key())).toList();
        Map<String, KeysAndAttributes> request = Map.of(tableName, KeysAndAttributes.builder().keys(keys)
                .consistentRead(true).build());
        while (!request.isEmpty()) {
            Map<String, KeysAndAttributes> ask = request;
            BatchGetItemResponse response = dynamoDb.batchGetItem(r -> r.requestItems(ask));
            for (Map<String, AttributeValue> item : response.responses().getOrDefault(tableName, List.of())) {
                String pk = item.get("PK").s();
                found.put(pk.substring(pk.indexOf("#TC#") + 4), item);
            }
            request = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
        }
        return found;
    }

    private static <T> List<List<T>> groups(List<T> values, int size) {
        List<List<T>> groups = new ArrayList<>();
        for (int from = 0; from < values.size(); from += size) {
            groups.add(values.subList(from, Math.min(values.size(), from + size)));
        }
        return groups;
    }

    @Override
    public boolean takeOver(String tenant, String objectKey, String fileName, Title title, Holder from, Instant now) {
        try {
            dynamoDb.putItem(r -> r.tableName(tableName).item(item(tenant, objectKey, fileName, title, now))
                    .conditionExpression("objectKey = :from OR attribute_not_exists(PK)")
                    .expressionAttributeValues(Map.of(":from", AttributeValue.fromS(from.objectKey()))));
            return true;
        } catch (ConditionalCheckFailedException changedMeanwhile) {
            return false;
        }
    }

    @Override
    public void settle(String tenant, String titleKey, String objectKey, String fileName, String byRetorno,
                       Instant now) {
        try {
            dynamoDb.updateItem(r -> r.tableName(tableName).key(key(tenant, titleKey))
                    .updateExpression("SET objectKey = :mine, settledBy = :by, #type = :type,"
                            + " fileName = if_not_exists(fileName, :name), line = if_not_exists(line, :zero),"
                            + " ourNumber = if_not_exists(ourNumber, :empty), claimedAt = if_not_exists(claimedAt, :now)")
                    .conditionExpression("attribute_not_exists(PK) OR objectKey = :mine")
                    .expressionAttributeNames(Map.of("#type", "type"))
                    .expressionAttributeValues(Map.of(":mine", AttributeValue.fromS(objectKey),
                            ":by", AttributeValue.fromS(byRetorno), ":type", AttributeValue.fromS("TITLE_CLAIM"),
                            ":name", AttributeValue.fromS(fileName), ":zero", AttributeValue.fromN("0"),
                            ":empty", AttributeValue.fromS(""), ":now", AttributeValue.fromS(now.toString()))));
        } catch (ConditionalCheckFailedException anotherHolds) {
            // a newer remessa carries the title already: the retorno's error finding says what happened
        }
    }

    @Override
    public void release(String tenant, String objectKey, List<String> titleKeys) {
        forEach(titleKeys, titleKey -> {
            try {
                dynamoDb.deleteItem(r -> r.tableName(tableName).key(key(tenant, titleKey))
                        .conditionExpression("objectKey = :mine")
                        .expressionAttributeValues(Map.of(":mine", AttributeValue.fromS(objectKey))));
            } catch (ConditionalCheckFailedException notMine) {
                // another remessa holds it now (or nobody): nothing of this object's to release
            }
        });
    }

    private <T> void forEach(List<T> values, Consumer<T> action) {
        if (values.size() <= 1) {
            values.forEach(action);
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(PARALLEL, values.size()));
        try {
            List<Future<?>> done = new java.util.ArrayList<>();
            for (T value : values) {
                done.add(pool.submit(() -> action.accept(value)));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while claiming titles", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime
                    : new IllegalStateException("claiming titles", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static Map<String, AttributeValue> item(String tenant, String objectKey, String fileName, Title title,
                                                    Instant now) {
        Map<String, AttributeValue> item = new HashMap<>(key(tenant, title.key()));
        item.put("type", AttributeValue.fromS("TITLE_CLAIM"));
        item.put("objectKey", AttributeValue.fromS(objectKey));
        item.put("fileName", AttributeValue.fromS(fileName));
        item.put("line", AttributeValue.fromN(Integer.toString(title.line())));
        item.put("ourNumber", AttributeValue.fromS(title.ourNumber()));
        item.put("claimedAt", AttributeValue.fromS(now.toString()));
        return item;
    }

    private static Holder holder(Map<String, AttributeValue> old) {
        if (old == null || old.isEmpty()) {
            return new Holder("", "", 0, Instant.EPOCH, ""); // deleted meanwhile: a free claim taken over
        }
        return new Holder(old.get("objectKey").s(), old.get("fileName").s(), Integer.parseInt(old.get("line").n()),
                Instant.parse(old.get("claimedAt").s()), old.containsKey("settledBy") ? old.get("settledBy").s() : "");
    }

    private static Map<String, AttributeValue> key(String tenant, String titleKey) {
        return Map.of("PK", AttributeValue.fromS(TableKeys.tenantPartition(tenant) + "#TC#" + titleKey),
                "SK", AttributeValue.fromS("CLAIM"));
    }
}
