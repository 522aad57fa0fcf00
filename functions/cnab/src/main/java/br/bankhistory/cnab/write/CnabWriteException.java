package br.bankhistory.cnab.write;

/**
 * A value that cannot be written as the bank's layout asks: too long for its field (and not free text),
 * not a number in a numeric field, a negative amount, a date the field's picture cannot hold. Raised before
 * any byte of the item's records is written, so the writer stays usable: the caller may skip the item and
 * go on.
 */
public final class CnabWriteException extends RuntimeException {

    private final String record;
    private final String field;

    public CnabWriteException(String record, String field, String message) {
        super(record + " " + field + ": " + message);
        this.record = record;
        this.field = field;
    }

    /** The layout record being written, e.g. {@code cnab240/341/segment-P}. */
    public String record() {
        return record;
    }

    /** The layout field whose value was refused, e.g. {@code our_number}; empty for record-level errors. */
    public String field() {
        return field;
    }
}
