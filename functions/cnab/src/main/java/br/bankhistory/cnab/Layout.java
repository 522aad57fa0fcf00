package br.bankhistory.cnab;

/** The physical record layout of a file, detected from its content. */
public enum Layout {
    CNAB240,
    CNAB400,
    /** Anything that is not a CNAB file: empty, binary, a receipt, a printed report. */
    NOT_CNAB
}
