package br.bankhistory.cnab;

/**
 * The normalised outcome of an item, the one list every consumer reasons on (docs/architecture.md).
 * Retornos use the outcome values; remessas use the instruction values.
 */
public enum Category {
    ENTRY_CONFIRMED,
    ENTRY_REJECTED,
    PAID,
    WRITTEN_OFF,
    PROTESTED,
    CHANGED,
    FEE,
    SCHEDULED,
    EFFECTED,
    PAYMENT_REJECTED,
    OTHER,
    /** Bank statement (extrato) entries: money into the account. */
    CREDIT,
    /** Bank statement (extrato) entries: money out of the account. */
    DEBIT,
    /** Remessa instructions. */
    INSTRUCTION_ENTRY,
    INSTRUCTION_WRITE_OFF,
    INSTRUCTION_CHANGE,
    INSTRUCTION_PROTEST,
    INSTRUCTION_PAYMENT,
    INSTRUCTION_OTHER
}
