package br.bankhistory.history.adapter.dynamodb;

import br.bankhistory.history.port.IdempotencyStore;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.DeleteItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.PutItemEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

import java.time.Instant;
import java.util.Map;

/**
 * {@link IdempotencyStore} on the history table ({@code T#{tenant}} / {@code IDEM#{key}}): the claim is one
 * conditional put that succeeds only where no live entry is; the entry it found comes back with the failed
 * condition, so a claim is one request. {@code expiresAt} lets DynamoDB's TTL remove entries after a day
 * (TTL deletes late, so the conditions compare the times themselves).
 */
public final class DynamoIdempotencyStore implements IdempotencyStore {

    static final String IN_PROGRESS = "IN_PROGRESS";
    static final String COMPLETE = "COMPLETE";

    private static final String FREE = "attribute_not_exists(PK) OR expiresAt < :now"
            + " OR (#state = :inProgress AND inProgressUntil < :now)";
    private static final String HELD_BY_ME = "fingerprint = :fingerprint AND #state = :inProgress";

    private final DynamoDbTable<IdempotencyItem> table;

    public DynamoIdempotencyStore(DynamoDbEnhancedClient enhanced, String tableName) {
        this.table = enhanced.table(tableName, IdempotencyItem.SCHEMA);
    }

    @Override
    public Claim claim(String tenant, String key, String fingerprint, Instant now, Instant inProgressUntil,
                       Instant expiresAt) {
        IdempotencyItem item = item(tenant, key, fingerprint, IN_PROGRESS, expiresAt);
        item.setInProgressUntil(inProgressUntil.getEpochSecond());
        try {
            table.putItem(PutItemEnhancedRequest.builder(IdempotencyItem.class).item(item)
                    .conditionExpression(Expression.builder().expression(FREE)
                            .putExpressionName("#state", "state")
                            .putExpressionValue(":now", AttributeValue.fromN(Long.toString(now.getEpochSecond())))
                            .putExpressionValue(":inProgress", AttributeValue.fromS(IN_PROGRESS))
                            .build())
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                    .build());
            return new Claim.Acquired();
        } catch (ConditionalCheckFailedException held) {
            return heldBy(held.hasItem() ? held.item() : Map.of(), fingerprint, tenant, key);
        }
    }

    @Override
    public void complete(String tenant, String key, String fingerprint, Answer answer, Instant expiresAt) {
        IdempotencyItem item = item(tenant, key, fingerprint, COMPLETE, expiresAt);
        item.setStatus(answer.status());
        item.setBody(answer.body());
        try {
            table.putItem(PutItemEnhancedRequest.builder(IdempotencyItem.class).item(item)
                    .conditionExpression(heldByMe(fingerprint)).build());
        } catch (ConditionalCheckFailedException lostTheClaim) {
            // The claim expired and another call took the key: its answer is the one kept. This call still
            // answers its own caller, who acted once; the repetition acted once more only after the lease
            // (longer than the function's timeout) had run out.
        }
    }

    @Override
    public void release(String tenant, String key, String fingerprint) {
        try {
            table.deleteItem(DeleteItemEnhancedRequest.builder().key(key(tenant, key))
                    .conditionExpression(heldByMe(fingerprint)).build());
        } catch (ConditionalCheckFailedException notMineAnyMore) {
            // completed or taken over meanwhile: nothing of this call's is left to release
        }
    }

    /** The live entry a failed claim met (read with the failed condition; read again if it was not returned). */
    private Claim heldBy(Map<String, AttributeValue> old, String fingerprint, String tenant, String key) {
        IdempotencyItem found = old.isEmpty()
                ? table.getItem(r -> r.key(key(tenant, key)).consistentRead(true))
                : IdempotencyItem.SCHEMA.mapToItem(old);
        if (found == null) {
            return new Claim.InProgress(Instant.now()); // deleted in between: the caller retries at once
        }
        if (!fingerprint.equals(found.getFingerprint())) {
            return new Claim.Mismatch();
        }
        if (COMPLETE.equals(found.getState())) {
            return new Claim.Completed(new Answer(found.getStatus(), found.getBody()));
        }
        return new Claim.InProgress(Instant.ofEpochSecond(found.getInProgressUntil()));
    }

    private static Expression heldByMe(String fingerprint) {
        return Expression.builder().expression(HELD_BY_ME)
                .putExpressionName("#state", "state")
                .putExpressionValue(":fingerprint", AttributeValue.fromS(fingerprint))
                .putExpressionValue(":inProgress", AttributeValue.fromS(IN_PROGRESS))
                .build();
    }

    private static IdempotencyItem item(String tenant, String key, String fingerprint, String state,
                                        Instant expiresAt) {
        IdempotencyItem item = new IdempotencyItem();
        item.setPk(TableKeys.tenantPartition(tenant));
        item.setSk(TableKeys.idempotencySort(key));
        item.setType("IDEMPOTENCY");
        item.setFingerprint(fingerprint);
        item.setState(state);
        item.setExpiresAt(expiresAt.getEpochSecond());
        return item;
    }

    private static Key key(String tenant, String idempotencyKey) {
        return Key.builder().partitionValue(TableKeys.tenantPartition(tenant))
                .sortValue(TableKeys.idempotencySort(idempotencyKey)).build();
    }
}
