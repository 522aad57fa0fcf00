package br.bankhistory.history.adapter.dynamodb;

import br.bankhistory.history.port.IdempotencyStore;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.PutItemEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/** {@link IdempotencyStore} on the history table ({@code T#{tenant}} / {@code IDEM#{key}}). */
public final class DynamoIdempotencyStore implements IdempotencyStore {

    private static final Duration KEPT_FOR = Duration.ofHours(24);

    private final DynamoDbTable<IdempotencyItem> table;
    private final Clock clock;

    public DynamoIdempotencyStore(DynamoDbEnhancedClient enhanced, String tableName, Clock clock) {
        this.table = enhanced.table(tableName, IdempotencyItem.SCHEMA);
        this.clock = clock;
    }

    @Override
    public Optional<Answer> find(String tenant, String key) {
        IdempotencyItem item = table.getItem(r -> r.key(key(tenant, key)).consistentRead(true));
        if (item == null || item.getExpiresAt() < clock.instant().getEpochSecond()) {
            return Optional.empty();
        }
        return Optional.of(new Answer(item.getRequest(), item.getStatus(), item.getBody()));
    }

    @Override
    public Answer saveFirst(String tenant, String key, Answer answer) {
        IdempotencyItem item = new IdempotencyItem();
        item.setPk(TableKeys.tenantPartition(tenant));
        item.setSk("IDEM#" + key);
        item.setType("IDEMPOTENCY");
        item.setRequest(answer.request());
        item.setStatus(answer.status());
        item.setBody(answer.body());
        item.setExpiresAt(clock.instant().plus(KEPT_FOR).getEpochSecond());
        try {
            table.putItem(PutItemEnhancedRequest.builder(IdempotencyItem.class).item(item)
                    .conditionExpression(Expression.builder().expression("attribute_not_exists(PK)").build())
                    .build());
            return answer;
        } catch (ConditionalCheckFailedException savedFirstByAnother) {
            return find(tenant, key).orElse(answer);
        }
    }

    private static Key key(String tenant, String idempotencyKey) {
        return Key.builder().partitionValue(TableKeys.tenantPartition(tenant)).sortValue("IDEM#" + idempotencyKey)
                .build();
    }
}
