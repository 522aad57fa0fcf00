package br.bankhistory.history.adapter.dynamodb;

import br.bankhistory.history.domain.PendingInstruction.Cancellation;
import br.bankhistory.history.domain.PendingInstruction.Carrier;
import br.bankhistory.history.domain.PendingInstruction.Status;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import static br.bankhistory.history.adapter.dynamodb.InstructionKeys.statusPartition;

/**
 * The moves of an instruction that a scheduled run and a user make (claimed by a run, released, carried by a
 * remessa, cancelled), each one conditional update of its item that answers whether the instruction was still
 * where the move starts from.
 */
record InstructionTransitions(DynamoDbClient dynamoDb, String tableName) {

    boolean cancel(String tenant, String id, Cancellation cancellation) {
        return cancelled(tenant, id, cancellation, "#status = :pending AND attribute_not_exists(claimedBy)",
                Map.of(":pending", s(Status.PENDING.name())));
    }

    boolean cancelCarried(String tenant, String id, String objectKey, Cancellation cancellation) {
        return cancelled(tenant, id, cancellation, "#status = :carried AND carriedKey = :object",
                Map.of(":carried", s(Status.CARRIED.name()), ":object", s(objectKey)));
    }

    /** To {@code CANCELLED} with who, when and why, if {@code condition} holds. */
    private boolean cancelled(String tenant, String id, Cancellation cancellation, String condition,
                              Map<String, AttributeValue> conditionValues) {
        Map<String, AttributeValue> values = new HashMap<>(conditionValues);
        values.putAll(Map.of(":to", s(Status.CANCELLED.name()), ":key", s(statusPartition(tenant, Status.CANCELLED)),
                ":at", s(cancellation.at().toString()), ":by", s(cancellation.byUserId()),
                ":name", s(cancellation.byUserName()), ":why", s(cancellation.reason())));
        return conditional(tenant, id, "SET #status = :to, statusKey = :key, cancelledAt = :at, cancelledById = :by, "
                + "cancelledByName = :name, cancelReason = :why", condition, values);
    }

    boolean claim(String tenant, String id, String runId, Instant at) {
        return conditional(tenant, id, "SET claimedBy = :run, claimedAt = :at",
                "#status = :pending AND attribute_not_exists(claimedBy)",
                Map.of(":run", s(runId), ":at", s(at.toString()), ":pending", s(Status.PENDING.name())));
    }

    boolean release(String tenant, String id, String runId) {
        return conditional(tenant, id, "REMOVE claimedBy, claimedAt", "#status = :pending AND claimedBy = :run",
                Map.of(":run", s(runId), ":pending", s(Status.PENDING.name())));
    }

    boolean carry(String tenant, String id, String runId, Carrier carrier) {
        return conditional(tenant, id,
                "SET #status = :to, statusKey = :key, carriedKey = :object, carriedFileName = :file, "
                        + "carriedAt = :at REMOVE claimedBy, claimedAt",
                "#status = :pending AND claimedBy = :run",
                Map.of(":to", s(Status.CARRIED.name()), ":key", s(statusPartition(tenant, Status.CARRIED)),
                        ":object", s(carrier.key()), ":file", s(carrier.fileName()), ":at", s(carrier.at().toString()),
                        ":run", s(runId), ":pending", s(Status.PENDING.name())));
    }

    private boolean conditional(String tenant, String id, String update, String condition,
                                Map<String, AttributeValue> values) {
        try {
            dynamoDb.updateItem(r -> r.tableName(tableName).key(InstructionKeys.instruction(tenant, id))
                    .updateExpression(update).conditionExpression("attribute_exists(PK) AND " + condition)
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(values));
            return true;
        } catch (ConditionalCheckFailedException notSo) {
            return false;
        }
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
