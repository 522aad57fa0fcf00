package br.bankhistory.history.adapter.dynamodb;

/**
 * The key design (see docs/data-model.md). Every key starts with the tenant, so no access pattern can
 * cross tenants.
 *
 * <pre>
 * PK                SK                         item
 * T#{tenant}        R#{recordId}               history record (recordId sorts by receipt time)
 * T#{tenant}        OBJ#{objectIdentity}       one delivered S3 object, pointing at its record
 * </pre>
 */
final class TableKeys {

    static final String RECORD_PREFIX = "R#";
    static final String OBJECT_PREFIX = "OBJ#";

    private TableKeys() {
    }

    static String tenantPartition(String tenant) {
        return "T#" + tenant;
    }

    static String recordSort(String recordId) {
        return RECORD_PREFIX + recordId;
    }

    static String objectSort(String objectIdentity) {
        return OBJECT_PREFIX + objectIdentity;
    }
}
