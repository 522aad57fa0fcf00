package br.bankhistory.cnab.read;

import br.bankhistory.cnab.FindingCodes;
import br.bankhistory.cnab.Severity;
import br.bankhistory.cnab.layout.FieldSpec;
import br.bankhistory.cnab.text.Messages;
import br.bankhistory.cnab.text.PtBr;

/**
 * The CNAB 240 lote being read: its number and service (lote header 4-7, 10-11, forma de lançamento 12-13),
 * the counts of its records and items and, for an extrato, its balances; all compared with its trailer.
 */
final class Cnab240Lote {

    private final Findings findings;
    private final RecordCursor record;
    private Cnab240Layouts layouts;

    private final RecordCode number = new RecordCode(4, 7);
    private long records;
    private long items;
    private long amountCents;
    private boolean payments;
    /** The lote is a bank statement (service 04). */
    private boolean extrato;
    /** Forma de lançamento of a pagamento lote (12-13). */
    private String formCode = "";
    /** Extrato lote: opening balance (signed cents) and the sums of its debit and credit entries. */
    private long openingBalance;
    private long debits;
    private long credits;

    Cnab240Lote(Findings findings, RecordCursor record) {
        this.findings = findings;
        this.record = record;
    }

    void use(Cnab240Layouts bankLayouts) {
        layouts = bankLayouts;
    }

    /** The current record is a lote header: a new lote begins. */
    void open() {
        records = 1;
        adopt();
        items = 0;
        amountCents = 0;
        payments = false;
        String service = record.raw(10, 11);
        extrato = service.equals(Cnab240Evidence.EXTRATO_SERVICE);
        formCode = Cnab240Evidence.isPagamentoService(service) ? record.raw(12, 13).strip() : "";
        debits = 0;
        credits = 0;
        openingBalance = extrato ? signed(layouts.extratoFields.openingBalance(),
                layouts.extratoFields.openingSign()) : 0;
    }

    /** Takes the current record's lote number (a detail outside a lote starts one without a header). */
    void adopt() {
        number.take(record);
    }

    String number() {
        return number.text();
    }

    /** Whether the current record holds another lote number. */
    boolean numberDiffersIn(RecordCursor other) {
        return number.differsIn(other);
    }

    /** One more record of the lote (a detail). */
    void countRecord() {
        records++;
    }

    String formCode() {
        return formCode;
    }

    /** The lote pays by Pix (forma de lançamento 45 transferência, 47 QR code). */
    boolean paysByPix() {
        return formCode.equals("45") || formCode.equals("47");
    }

    /** An item of the lote is a payment: its trailer is a pagamento trailer. */
    void holdsPayments() {
        payments = true;
    }

    /** An item of the lote counted in the totals. */
    void countItem(long cents) {
        items++;
        amountCents += cents;
    }

    /** An extrato entry (segment E). */
    void countEntry(boolean credit, long cents) {
        if (credit) {
            credits += cents;
        } else {
            debits += cents;
        }
    }

    /** The current record is the lote trailer: its counts and sums against the lote's. */
    void close() {
        records++;
        record.validateRequired(extrato ? layouts.loteTrailerExtrato
                : payments ? layouts.loteTrailerPagamento : layouts.loteTrailerCobranca);
        FieldSpec recordCount = extrato ? layouts.extratoFields.recordCount() : layouts.loteTrailerRecords;
        long declared = record.digits(recordCount);
        if (declared >= 0 && declared != records) {
            findings.addIncomplete(Severity.WARNING, record.lineNumber(), recordCount.start(),
                    FindingCodes.LOTE_TRAILER_COUNT, recordCount.name(),
                    "O trailer do lote " + number.text() + " informa " + declared + " registros, mas o lote tem "
                            + records + ".",
                    "The trailer of lote " + number.text() + " declares " + declared + " records, but the lote has "
                            + records + ".");
        }
        checkSums();
    }

    /**
     * Compares the lote trailer's totals with the lote's items: cobrança title count (24-29) and total
     * (30-46) of "cobrança simples"; pagamento total (24-41). Zero-filled or blank totals (Caixa, BB) are
     * not checked.
     */
    private void checkSums() {
        if (extrato) {
            checkExtratoSums();
            return;
        }
        if (payments) {
            long total = record.digits(layouts.loteTrailerPaymentTotal);
            if (total > 0 && total != amountCents) {
                reportSum(layouts.loteTrailerPaymentTotal, "o valor total " + PtBr.money(total),
                        "a total of " + PtBr.money(total), PtBr.money(amountCents));
            }
            return;
        }
        long count = 0;
        long total = 0;
        for (int kind = 0; kind < layouts.loteTrailerKindCounts.length; kind++) {
            count += Math.max(0, record.digits(layouts.loteTrailerKindCounts[kind]));
            total += Math.max(0, record.digits(layouts.loteTrailerKindTotals[kind]));
        }
        if (count > 0 && count != items && layouts.loteTrailerSimpleCount != null) {
            reportSum(layouts.loteTrailerSimpleCount, count + " títulos", count + " titles", String.valueOf(items));
        }
        if (total > 0 && total != amountCents && layouts.loteTrailerSimpleTotal != null) {
            reportSum(layouts.loteTrailerSimpleTotal, "o valor total " + PtBr.money(total),
                    "a total of " + PtBr.money(total), PtBr.money(amountCents));
        }
    }

    /**
     * An extrato lote trailer states the sums of its debits and credits and the closing balance: compared
     * with the lote's entries and with opening balance + credits - debits.
     */
    private void checkExtratoSums() {
        Cnab240Layouts.Extrato fields = layouts.extratoFields;
        long declaredDebits = record.digits(fields.totalDebits());
        long declaredCredits = record.digits(fields.totalCredits());
        if (declaredDebits >= 0 && declaredDebits != debits) {
            extratoSum(fields.totalDebits(), "finding.EXTRATO_TRAILER_DEBITS", declaredDebits, debits);
        }
        if (declaredCredits >= 0 && declaredCredits != credits) {
            extratoSum(fields.totalCredits(), "finding.EXTRATO_TRAILER_CREDITS", declaredCredits, credits);
        }
        long closing = signed(fields.closingBalance(), fields.closingSign());
        long expected = openingBalance + credits - debits;
        if (closing != expected && (closing != 0 || openingBalance != 0)) {
            extratoSum(fields.closingBalance(), "finding.EXTRATO_TRAILER_BALANCE", closing, expected);
        }
    }

    private void extratoSum(FieldSpec field, String message, long declared, long actual) {
        record.report(Severity.WARNING, field.start(), FindingCodes.LOTE_TRAILER_SUM, field.name(),
                Messages.pt(message, number.text(), PtBr.money(declared), PtBr.money(actual)),
                Messages.en(message, number.text(), PtBr.money(declared), PtBr.money(actual)));
    }

    /** A balance and its sign (D = negative), in cents. */
    private long signed(FieldSpec value, FieldSpec sign) {
        long cents = Math.max(0, record.number(value));
        return record.at(sign.start()) == 'D' ? -cents : cents;
    }

    private void reportSum(FieldSpec field, String declaredPt, String declaredEn, String actual) {
        record.report(Severity.WARNING, field.start(), FindingCodes.LOTE_TRAILER_SUM, field.name(),
                "O trailer do lote " + number.text() + " informa " + declaredPt + ", mas os itens do lote somam "
                        + actual + ".",
                "The trailer of lote " + number.text() + " declares " + declaredEn + ", but the lote's items add up to "
                        + actual + ".");
    }
}
