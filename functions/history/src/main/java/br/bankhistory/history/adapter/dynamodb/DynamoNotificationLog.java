package br.bankhistory.history.adapter.dynamodb;

import br.bankhistory.history.port.NotificationLog;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.PutItemEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

import java.time.Instant;
import java.util.Optional;

/** {@link NotificationLog} on the history table, with conditional writes deciding every race. */
public final class DynamoNotificationLog implements NotificationLog {

    private final DynamoDbTable<NotificationItem> table;

    public DynamoNotificationLog(DynamoDbEnhancedClient enhanced, String tableName) {
        this.table = enhanced.table(tableName, NotificationItem.SCHEMA);
    }

    @Override
    public boolean claim(String tenant, String recordId, Instant now, Instant leaseUntil) {
        NotificationItem item = item(tenant, recordId, State.PENDING, now);
        item.setLeaseUntil(leaseUntil.toEpochMilli());
        // New, or a pending claim whose sender let the lease run out. Never over SENT, NO_RECIPIENTS, UNCERTAIN.
        Expression free = Expression.builder()
                .expression("attribute_not_exists(PK) OR (#state = :pending AND leaseUntil < :now)")
                .putExpressionName("#state", "state")
                .putExpressionValue(":pending", AttributeValue.fromS(State.PENDING.name()))
                .putExpressionValue(":now", AttributeValue.fromN(Long.toString(now.toEpochMilli())))
                .build();
        try {
            table.putItem(PutItemEnhancedRequest.builder(NotificationItem.class).item(item)
                    .conditionExpression(free).build());
            return true;
        } catch (ConditionalCheckFailedException taken) {
            return false;
        }
    }

    @Override
    public void release(String tenant, String recordId, Instant at) {
        NotificationItem item = item(tenant, recordId, State.PENDING, at);
        item.setLeaseUntil(0L);
        try {
            table.putItem(PutItemEnhancedRequest.builder(NotificationItem.class).item(item)
                    .conditionExpression(Expression.builder().expression("#state = :pending")
                            .putExpressionName("#state", "state")
                            .putExpressionValue(":pending", AttributeValue.fromS(State.PENDING.name()))
                            .build())
                    .build());
        } catch (ConditionalCheckFailedException sentMeanwhile) {
            // another delivery finished it: nothing to release
        }
    }

    @Override
    public void markSent(String tenant, String recordId, String messageId, int recipients, Instant at) {
        NotificationItem item = item(tenant, recordId, State.SENT, at);
        item.setMessageId(messageId);
        item.setRecipients(recipients);
        table.putItem(item);
    }

    @Override
    public void markNoRecipients(String tenant, String recordId, Instant at) {
        table.putItem(item(tenant, recordId, State.NO_RECIPIENTS, at));
    }

    @Override
    public void markUncertain(String tenant, String recordId, Instant at) {
        table.putItem(item(tenant, recordId, State.UNCERTAIN, at));
    }

    @Override
    public Optional<Entry> find(String tenant, String recordId) {
        NotificationItem item = table.getItem(r -> r.consistentRead(true).key(Key.builder()
                .partitionValue(TableKeys.tenantPartition(tenant)).sortValue("MAIL#" + recordId).build()));
        return Optional.ofNullable(item).map(i -> new Entry(State.valueOf(i.getState()), i.getMessageId(),
                i.getRecipients() == null ? 0 : i.getRecipients(), Instant.parse(i.getAt())));
    }

    private static NotificationItem item(String tenant, String recordId, State state, Instant at) {
        NotificationItem item = new NotificationItem();
        item.setPk(TableKeys.tenantPartition(tenant));
        item.setSk("MAIL#" + recordId);
        item.setType("NOTIFICATION");
        item.setState(state.name());
        item.setAt(at.toString());
        return item;
    }
}
