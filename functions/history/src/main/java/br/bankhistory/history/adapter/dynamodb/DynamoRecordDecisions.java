package br.bankhistory.history.adapter.dynamodb;

import br.bankhistory.history.domain.ConflictException;
import br.bankhistory.history.domain.IntegrationRecord;
import br.bankhistory.history.domain.OutboxEvent;
import br.bankhistory.history.domain.RecordDecision;
import br.bankhistory.history.domain.StatusChange;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.PutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactPutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * {@code RecordStore.decide} on DynamoDB: the record read consistently, the decision taken on it, and written only
 * if the record is still exactly as read (status, findings, totals, history, approval, delivery), with its event in
 * the same transaction; when another writer won, read and decided again.
 */
final class DynamoRecordDecisions {

    /** Rounds of read-decide-write a decision gets while other decisions on the record keep winning. */
    private static final int ATTEMPTS = 25;

    private final DynamoDbTable<RecordItem> records;
    private final RecordMapping mapping;
    private final OutboxWrites outbox;

    DynamoRecordDecisions(DynamoDbTable<RecordItem> records, RecordMapping mapping, OutboxWrites outbox) {
        this.records = records;
        this.mapping = mapping;
        this.outbox = outbox;
    }

    Optional<IntegrationRecord> decide(Key key, Function<IntegrationRecord, Optional<RecordDecision>> decision) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            RecordItem current = records.getItem(r -> r.key(key).consistentRead(true));
            if (current == null) {
                return Optional.empty();
            }
            IntegrationRecord before = mapping.toRecord(current);
            Optional<RecordDecision> decided = decision.apply(before);
            if (decided.isEmpty()) {
                return Optional.of(before);
            }
            if (write(current, decided.get())) {
                return Optional.of(decided.get().next());
            }
            // another writer won: read again and decide again on what it left
        }
        throw new ConflictException("A remessa está recebendo muitas decisões ao mesmo tempo; recarregue e tente de "
                + "novo.");
    }

    private boolean write(RecordItem current, RecordDecision decided) {
        List<StatusChange> history = new ArrayList<>(mapping.history(current));
        decided.change().ifPresent(history::add);
        RecordItem next = mapping.toItem(decided.next(), history);
        Expression unchanged = unchanged(current);
        if (decided.event().isEmpty()) {
            try {
                records.putItem(PutItemEnhancedRequest.builder(RecordItem.class).item(next)
                        .conditionExpression(unchanged).build());
                return true;
            } catch (ConditionalCheckFailedException anotherWriterWon) {
                return false;
            }
        }
        StatusChange change = decided.change().orElseThrow();
        TransactWriteItemsEnhancedRequest.Builder transaction = TransactWriteItemsEnhancedRequest.builder()
                .clientRequestToken(UUID.randomUUID().toString())
                .addPutItem(records, TransactPutItemEnhancedRequest.builder(RecordItem.class).item(next)
                        .conditionExpression(unchanged).build());
        IntegrationRecord r = decided.next();
        outbox.addEvent(transaction, OutboxEvent.of(r.tenant(), r.id(), history.size(), change.at(),
                decided.event().get()));
        return outbox.transact(transaction);
    }

    /** The record is still exactly as read: status, findings, totals, history, approval and delivery. */
    static Expression unchanged(RecordItem current) {
        Expression.Builder condition = Expression.builder()
                .putExpressionName("#status", "status")
                .putExpressionValue(":status", AttributeValue.fromS(current.getStatus()))
                .putExpressionValue(":findings", AttributeValue.fromS(current.getFindingsJson()))
                .putExpressionValue(":totals", AttributeValue.fromS(current.getTotalsJson()))
                .putExpressionValue(":history", AttributeValue.fromS(current.getStatusHistoryJson()));
        StringBuilder same = new StringBuilder("#status = :status AND findingsJson = :findings AND totalsJson = :totals"
                + " AND statusHistoryJson = :history");
        same.append(sameOrAbsent(condition, "approvalJson", ":approval", current.getApprovalJson()));
        same.append(sameOrAbsent(condition, "deliveryJson", ":delivery", current.getDeliveryJson()));
        return condition.expression(same.toString()).build();
    }

    private static String sameOrAbsent(Expression.Builder condition, String attribute, String placeholder,
                                       String value) {
        if (value == null) {
            return " AND attribute_not_exists(" + attribute + ")";
        }
        condition.putExpressionValue(placeholder, AttributeValue.fromS(value));
        return " AND " + attribute + " = " + placeholder;
    }
}
