package br.bankhistory.history.adapter.dynamodb;

import br.bankhistory.history.domain.PendingInstruction.Status;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.Map;

/**
 * The keys of instructions on the history table: the item {@code T#{tenant}} / {@code INS#{id}}, its partition
 * of the {@code byStatus} index by status, and the per-tenant marker of pending instructions.
 */
final class InstructionKeys {

    /** The {@code byStatus} partition that lists the tenants with pending instructions (sort key: the tenant). */
    static final String PENDING_TENANTS = "SCHEDULE#PENDING";
    static final String INDEX = "byStatus";

    private InstructionKeys() {
    }

    static Map<String, AttributeValue> instruction(String tenant, String id) {
        return key(tenant, "INS#" + id);
    }

    /** The tenant's {@code INS_PENDING} marker. */
    static Map<String, AttributeValue> pendingMarker(String tenant) {
        return key(tenant, "INS_PENDING");
    }

    static String statusPartition(String tenant, Status status) {
        return TableKeys.tenantPartition(tenant) + "#IS#" + status.name();
    }

    private static Map<String, AttributeValue> key(String tenant, String sort) {
        return Map.of("PK", AttributeValue.fromS(TableKeys.tenantPartition(tenant)), "SK", AttributeValue.fromS(sort));
    }
}
