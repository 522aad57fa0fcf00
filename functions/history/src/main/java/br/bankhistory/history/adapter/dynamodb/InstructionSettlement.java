package br.bankhistory.history.adapter.dynamodb;

import br.bankhistory.history.domain.ChangeEvent;
import br.bankhistory.history.domain.OutboxEvent;
import br.bankhistory.history.domain.PendingInstruction;
import br.bankhistory.history.domain.Settlement;
import br.bankhistory.history.config.PlainJson;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;

import static br.bankhistory.history.adapter.dynamodb.InstructionKeys.statusPartition;

/**
 * A bank answer settled on a carried instruction: its answers and status written, on the condition that the
 * instruction still has the answers read, in one transaction with the outbox event that tells about it.
 */
record InstructionSettlement(DynamoDbClient dynamoDb, String tableName, InstructionItems items) {

    boolean settle(String tenant, PendingInstruction before, PendingInstruction after, ChangeEvent event) {
        int count = after.answers().size();
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":to", s(after.status().name()),
                ":key", s(statusPartition(tenant, after.status())), ":answers", s(items.write(after.answers())),
                ":count", n(count), ":from", s(before.status().name()),
                ":carrier", s(before.carrier().orElseThrow().key())));
        String counted = before.answers().isEmpty() ? "attribute_not_exists(answerCount)" : "answerCount = :before";
        if (!before.answers().isEmpty()) {
            values.put(":before", n(before.answers().size()));
        }
        // the answer just added was applied last: its time is the change's
        Instant at = after.answers().stream().map(Settlement::at).max(Comparator.naturalOrder()).orElseThrow();
        OutboxEvent outbox = OutboxEvent.of(tenant, before.id(), count, at, event);
        String detail = PlainJson.write(outbox.envelope());
        TransactWriteItem instruction = TransactWriteItem.builder().update(u -> u.tableName(tableName)
                .key(InstructionKeys.instruction(tenant, before.id()))
                .updateExpression("SET #status = :to, statusKey = :key, answersJson = :answers, answerCount = :count")
                .conditionExpression("#status = :from AND carriedKey = :carrier AND " + counted)
                .expressionAttributeNames(Map.of("#status", "status")).expressionAttributeValues(values)).build();
        TransactWriteItem published = TransactWriteItem.builder().put(p -> p.tableName(tableName)
                .item(OutboxItem.SCHEMA.itemToMap(OutboxItem.of(outbox, detail), true))
                .conditionExpression("attribute_not_exists(PK)")).build();
        try {
            dynamoDb.transactWriteItems(r -> r.transactItems(instruction, published));
            return true;
        } catch (TransactionCanceledException changedMeanwhile) {
            return false;
        }
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
