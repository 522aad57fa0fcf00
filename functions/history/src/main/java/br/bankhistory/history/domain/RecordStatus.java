package br.bankhistory.history.domain;

/** Where a recorded file stands. */
public enum RecordStatus {
    /** Read and recorded; findings, if any, are warnings. */
    PROCESSED,
    /** Kept and recorded, but not trusted: unreadable, not CNAB, too large, or with errors. */
    REJECTED,
    /** A text file from the bank that is not CNAB (a transmission receipt, a printed report). */
    OTHER_BANK_FILE
}
