package br.bankhistory.history.adapter.dynamodb;

import br.bankhistory.history.port.TitleClaims;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

import java.time.Instant;
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
 * a remessa of 10,000 titles). Each claim is one conditional put (free, or already this object's); a failed
 * condition returns the holder with it. The puts of one call run in parallel: a remessa's titles are claimed
 * in about the time of a few hundred sequential requests.
 */
public final class DynamoTitleClaims implements TitleClaims {

    private static final int PARALLEL = 16;

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
        forEach(titles, title -> {
            try {
                dynamoDb.putItem(r -> r.tableName(tableName).item(item(tenant, objectKey, fileName, title, now))
                        .conditionExpression("attribute_not_exists(PK) OR objectKey = :mine")
                        .expressionAttributeValues(Map.of(":mine", AttributeValue.fromS(objectKey)))
                        .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
            } catch (ConditionalCheckFailedException heldByAnother) {
                Map<String, AttributeValue> old = heldByAnother.hasItem() ? heldByAnother.item()
                        : dynamoDb.getItem(r -> r.tableName(tableName).key(key(tenant, title.key()))
                        .consistentRead(true)).item();
                held.put(title.key(), holder(old));
            }
        });
        return held;
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
            return new Holder("", "", 0, Instant.EPOCH); // deleted meanwhile: a free claim the caller takes over
        }
        return new Holder(old.get("objectKey").s(), old.get("fileName").s(), Integer.parseInt(old.get("line").n()),
                Instant.parse(old.get("claimedAt").s()));
    }

    private static Map<String, AttributeValue> key(String tenant, String titleKey) {
        return Map.of("PK", AttributeValue.fromS(TableKeys.tenantPartition(tenant) + "#TC#" + titleKey),
                "SK", AttributeValue.fromS("CLAIM"));
    }
}
