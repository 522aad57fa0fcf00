package br.bankhistory.history.adapter.dynamodb;

import br.bankhistory.history.domain.OutboxEvent;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactPutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.util.function.Function;

/**
 * The transactions that write a change with its event (docs/events/README.md): the outbox item goes in the
 * change's own {@code TransactWriteItems}, conditional on not existing, so a change that loses its race writes no
 * event and a change is never written without its event.
 */
final class OutboxWrites {

    static final Expression ONLY_IF_NEW = Expression.builder().expression("attribute_not_exists(PK)").build();

    private final DynamoDbEnhancedClient client;
    private final DynamoDbTable<OutboxItem> outbox;
    private final Function<Object, String> json;

    OutboxWrites(DynamoDbEnhancedClient client, String tableName, Function<Object, String> json) {
        this.client = client;
        this.outbox = client.table(tableName, OutboxItem.SCHEMA);
        this.json = json;
    }

    /** The event's outbox item, written only once (a repeat of the same change cancels the transaction). */
    void addEvent(TransactWriteItemsEnhancedRequest.Builder transaction, OutboxEvent event) {
        transaction.addPutItem(outbox, TransactPutItemEnhancedRequest.builder(OutboxItem.class)
                .item(OutboxItem.of(event, json.apply(event.envelope()))).conditionExpression(ONLY_IF_NEW).build());
    }

    /** Runs the transaction; false when it was cancelled only by its conditions (another writer won). */
    boolean transact(TransactWriteItemsEnhancedRequest.Builder transaction) {
        try {
            client.transactWriteItems(transaction.build());
            return true;
        } catch (TransactionCanceledException e) {
            if (onlyConditionsFailed(e)) {
                return false;
            }
            throw e;
        }
    }

    private static boolean onlyConditionsFailed(TransactionCanceledException e) {
        return e.hasCancellationReasons() && e.cancellationReasons().stream()
                .map(CancellationReason::code)
                .allMatch(code -> "None".equals(code) || "ConditionalCheckFailed".equals(code));
    }
}
