package br.bankhistory.cnab.read;

/**
 * A short code (at most eight positions) taken from one record, such as the file's bank code or the lote's
 * number, kept both as text and as its packed bytes ({@link RecordCursor#packed}) so that later records are
 * compared with it without a string.
 */
final class RecordCode {

    private final int start;
    private final int end;
    private String text = "";
    private long packed;

    /** The code at the 1-based positions [start, end]. */
    RecordCode(int start, int end) {
        this.start = start;
        this.end = end;
    }

    /** Takes the code of the current record. */
    void take(RecordCursor record) {
        text = record.raw(start, end);
        packed = record.packed(start, end);
    }

    /** Whether the current record holds another code at the same positions. */
    boolean differsIn(RecordCursor record) {
        return record.packed(start, end) != packed;
    }

    String text() {
        return text;
    }
}
