package br.bankhistory.history.adapter.dynamodb;

/**
 * The key design (see docs/data-model.md). Every key starts with the tenant, so no access pattern can
 * cross tenants.
 *
 * <pre>
 * PK                          SK                      item
 * T#{tenant}                  R#{recordId}            history record (recordId sorts by receipt time)
 * T#{tenant}                  OBJ#{objectIdentity}    one delivered S3 object, pointing at its record
 * T#{tenant}                  HASH#{sha256}           the first record with these bytes (duplicates)
 * T#{tenant}                  NORM#{sha256}           the first processed record with this content by meaning
 * T#{tenant}                  MEAN#{bank/account/...} the first processed record with this bank, account and NSA
 * T#{tenant}                  KEY#{sha256(s3 key)}    the record of the newest object under an S3 key
 * T#{tenant}                  IDEM#{key}              a remembered answer to an Idempotency-Key
 * T#{tenant}                  SETTINGS#{name}         a tenant setting
 * T#{tenant}#R#{recordId}     I#{seq, 8 digits}       one title or payment of a record
 * </pre>
 */
final class TableKeys {

    static final String RECORD_PREFIX = "R#";
    static final String OBJECT_PREFIX = "OBJ#";
    static final String ITEM_PREFIX = "I#";

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

    /** The S3 key of an original, hashed (keys may be long and hold any character). */
    static String objectKeySort(String objectKey) {
        return "KEY#" + digest(objectKey);
    }

    /** The first 40 hex digits of the text's SHA-256: a key part for a long value of any characters. */
    static String digest(String text) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest).substring(0, 40);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An outbox event: the record's events sort in their order (docs/data-model.md). */
    static String outboxSort(String recordId, long sequence) {
        return String.format("EVT#%s#%06d", recordId, sequence);
    }

    static String idempotencySort(String idempotencyKey) {
        return "IDEM#" + idempotencyKey;
    }

    static String itemPartition(String tenant, String recordId) {
        return "T#" + tenant + "#R#" + recordId;
    }

    static String itemSort(int seq) {
        return ITEM_PREFIX + String.format("%08d", seq);
    }

    static String ourNumberPartition(String tenant, String ourNumberKey) {
        return "T#" + tenant + "#ON#" + ourNumberKey;
    }

    /** The partition of a list index: the tenant and one filter value. */
    static String filterPartition(String tenant, String filter, String value) {
        return "T#" + tenant + "#" + filter + "#" + value;
    }
}
