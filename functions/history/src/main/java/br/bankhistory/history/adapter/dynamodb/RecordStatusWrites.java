package br.bankhistory.history.adapter.dynamodb;

import br.bankhistory.history.domain.ChangeEvent;
import br.bankhistory.history.domain.IntegrationRecord;
import br.bankhistory.history.domain.OutboxEvent;
import br.bankhistory.history.domain.StatusChange;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.model.PutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactPutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A status change written over the record as read, its history appended, on the condition that the status (and a
 * remessa's approval and delivery) are still those read; with an event, record and event in one transaction.
 */
record RecordStatusWrites(DynamoDbTable<RecordItem> records, RecordMapping mapping, OutboxWrites outboxWrites) {

    /**
     * Writes {@code next} over {@code current}, history appended, only if the status is still the one read; with
     * an event, the record and the event go in one transaction (the event's sequence is the change's position in
     * the history), so a change that loses the race writes no event.
     */
    boolean write(RecordItem current, IntegrationRecord next, StatusChange change, Optional<ChangeEvent> event) {
        if (!change.from().name().equals(current.getStatus())) {
            return false;
        }
        List<StatusChange> history = new ArrayList<>(mapping.history(current));
        history.add(change);
        Expression stillFrom = stillFrom(current, change);
        if (event.isPresent()) {
            TransactWriteItemsEnhancedRequest.Builder transaction = TransactWriteItemsEnhancedRequest.builder()
                    .clientRequestToken(UUID.randomUUID().toString())
                    .addPutItem(records, TransactPutItemEnhancedRequest.builder(RecordItem.class)
                            .item(mapping.toItem(next, history)).conditionExpression(stillFrom).build());
            outboxWrites.addEvent(transaction, OutboxEvent.of(next.tenant(), next.id(), history.size(), change.at(), event.get()));
            return outboxWrites.transact(transaction);
        }
        try {
            records.putItem(PutItemEnhancedRequest.builder(RecordItem.class)
                    .item(mapping.toItem(next, history))
                    .conditionExpression(stillFrom)
                    .build());
            return true;
        } catch (ConditionalCheckFailedException lostTheRace) {
            return false;
        }
    }

    /**
     * The status is still the one the change starts from, and a remessa's approval decisions and delivery are still
     * the ones read: neither changes the status each time, and neither must be lost.
     */
    private static Expression stillFrom(RecordItem current, StatusChange change) {
        Expression.Builder condition = Expression.builder()
                .putExpressionName("#status", "status")
                .putExpressionValue(":expected", AttributeValue.fromS(change.from().name()));
        String expression = "#status = :expected";
        if (current.getApprovalJson() != null) {
            expression += " AND approvalJson = :approval";
            condition.putExpressionValue(":approval", AttributeValue.fromS(current.getApprovalJson()));
        }
        if (current.getDeliveryJson() != null) {
            expression += " AND deliveryJson = :delivery";
            condition.putExpressionValue(":delivery", AttributeValue.fromS(current.getDeliveryJson()));
        }
        return condition.expression(expression).build();
    }
}
