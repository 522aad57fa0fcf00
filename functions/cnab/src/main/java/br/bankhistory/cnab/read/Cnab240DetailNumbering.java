package br.bankhistory.cnab.read;

import br.bankhistory.cnab.FindingCodes;
import br.bankhistory.cnab.Severity;

/**
 * The framing every CNAB 240 detail repeats: the bank code of the file's first record (1-3), its lote's
 * number (4-7) and the next sequence number in the lote (9-13). Each mismatch is reported once per lote.
 */
final class Cnab240DetailNumbering {

    private final RecordCursor record;
    private final RecordCode bankCode = new RecordCode(1, 3);
    private long expectedSequence;
    private boolean bankReported;
    private boolean loteNumberReported;
    private boolean sequenceReported;

    Cnab240DetailNumbering(RecordCursor record) {
        this.record = record;
    }

    /** The file's first record: its bank code is the file's. */
    void firstRecord() {
        bankCode.take(record);
    }

    String bankCode() {
        return bankCode.text();
    }

    /** A lote header: its details count from 1, and each mismatch is reported again. */
    void loteStarts() {
        expectedSequence = 1;
        bankReported = false;
        loteNumberReported = false;
        sequenceReported = false;
    }

    /** A detail outside a lote: the count goes on from its own sequence number. */
    void resumeAtCurrent() {
        expectedSequence = Math.max(0, record.digitsAt(9, 13));
    }

    void check(Cnab240Lote lote) {
        if (!bankReported && bankCode.differsIn(record)) {
            bankReported = true;
            record.report(Severity.WARNING, 1, FindingCodes.BANK_CODE_MISMATCH, "bank_code",
                    "Código do banco \"" + record.raw(1, 3) + "\" difere do primeiro registro (" + bankCode.text() + ").",
                    "Bank code \"" + record.raw(1, 3) + "\" differs from the first record's (" + bankCode.text() + ").");
        }
        if (!loteNumberReported && lote.numberDiffersIn(record)) {
            loteNumberReported = true;
            record.report(Severity.WARNING, 4, FindingCodes.LOTE_NUMBER, "lote",
                    "Número do lote \"" + record.raw(4, 7) + "\" difere do header do lote (" + lote.number() + ").",
                    "Lote number \"" + record.raw(4, 7) + "\" differs from the lote header's (" + lote.number()
                            + ").");
        }
        long sequence = record.digitsAt(9, 13);
        if (sequence != expectedSequence && !sequenceReported) {
            sequenceReported = true;
            record.report(Severity.WARNING, 9, FindingCodes.SEQUENCE_NUMBER, "sequence",
                    "Número sequencial do registro no lote \"" + record.raw(9, 13) + "\", esperado "
                            + expectedSequence + ".",
                    "Record sequence number in the lote \"" + record.raw(9, 13) + "\", expected "
                            + expectedSequence + ".");
        }
        expectedSequence = (sequence >= 0 ? sequence : expectedSequence) + 1;
    }
}
