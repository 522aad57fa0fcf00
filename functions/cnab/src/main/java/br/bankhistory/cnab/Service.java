package br.bankhistory.cnab;

/** The banking service the file belongs to. */
public enum Service {
    COBRANCA,
    PAGAMENTO,
    /** Bank statement for reconciliation (CNAB 240 service 04, segment E). */
    EXTRATO,
    UNKNOWN
}
