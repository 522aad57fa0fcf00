package br.bankhistory.cnab.layout;

/** The COBOL picture class of a field, as the bank manuals print it. */
public enum FieldType {
    /** Picture 9: digits only, right-aligned, zero-filled. */
    NUMERIC,
    /** Picture X: any printable character, left-aligned, space-filled. */
    ALPHANUMERIC
}
