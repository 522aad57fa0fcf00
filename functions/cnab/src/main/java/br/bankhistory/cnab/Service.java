package br.bankhistory.cnab;

/** The banking service the file belongs to. */
public enum Service {
    COBRANCA,
    PAGAMENTO,
    UNKNOWN
}
