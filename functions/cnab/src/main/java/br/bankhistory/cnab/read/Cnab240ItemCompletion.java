package br.bankhistory.cnab.read;

import br.bankhistory.cnab.Category;
import br.bankhistory.cnab.FindingCodes;
import br.bankhistory.cnab.Item;
import br.bankhistory.cnab.Severity;
import br.bankhistory.cnab.StatementEntry;
import br.bankhistory.cnab.occurrence.Occurrence;
import br.bankhistory.cnab.occurrence.OccurrenceTable;

import java.util.List;
import java.util.function.Consumer;

/**
 * Completes the open CNAB 240 item once the next item, lote or file record starts: its occurrence decoded
 * with the bank's table for its family (cobrança retorno/remessa, pagamento, extrato, pre-critique
 * rejection), then pushed to the totals and the sink and counted in its lote.
 */
final class Cnab240ItemCompletion {

    private final Findings findings;
    private final Totals totals;
    /** Receives the complete items, or null when only the totals are wanted. */
    private final Consumer<Item> sink;
    private final ItemDraft item;
    private final Cnab240Lote lote;
    private final Cnab240DetailNumbering numbering;
    private final DecodeCache decoded = new DecodeCache();
    private Cnab240Layouts layouts;

    Cnab240ItemCompletion(Findings findings, Totals totals, Consumer<Item> sink, ItemDraft item, Cnab240Lote lote,
                          Cnab240DetailNumbering numbering) {
        this.findings = findings;
        this.totals = totals;
        this.sink = sink;
        this.item = item;
        this.lote = lote;
        this.numbering = numbering;
    }

    void use(Cnab240Layouts bankLayouts) {
        layouts = bankLayouts;
    }

    /** Completes and pushes the open item, if any. */
    void flush() {
        if (!item.active) {
            return;
        }
        item.active = false;
        switch (item.opener) {
            case 'T' -> {
                if (!item.complemented) {
                    missingComplement('T', 'U');
                }
                decodeCobranca(layouts.cobrancaRetorno, true);
            }
            case 'P' -> {
                if (!item.complemented) {
                    missingComplement('P', 'Q');
                }
                decodeCobranca(layouts.cobrancaRemessa, false);
            }
            case 'A', 'J', 'O', 'N' -> {
                lote.holdsPayments();
                decodePayment(layouts.pagamento);
            }
            case 'W' -> decodeRejection();
            case 'E' -> decodeEntry();
            default -> { }
        }
        if (item.emit(findings, totals, sink)) {
            lote.countItem(item.amountCents);
        }
    }

    private void missingComplement(char opener, char expected) {
        findings.add(Severity.WARNING, item.line, 14, FindingCodes.SEGMENT_MISSING, "segment",
                "Segmento " + opener + " sem o segmento " + expected + " correspondente.",
                "Segment " + opener + " without its segment " + expected + ".");
    }

    private void decodeCobranca(OccurrenceTable table, boolean withReasons) {
        Occurrence occurrence = occurrence(table, item.occurrenceCode);
        item.occurrenceText = occurrence.text();
        item.category = occurrence.category();
        if (withReasons && sink != null) {
            item.reasons = decoded.reasons(table, item.occurrenceCode, item.rawReasons,
                    layouts.tReasons.codeWidth(), 0);
        }
    }

    private void decodePayment(OccurrenceTable table) {
        item.payment = true;
        item.formCode = lote.formCode();
        String raw = item.rawOccurrences;
        if (raw.isBlank()) {
            item.occurrenceText = "Instrução de pagamento (movimento " + item.occurrenceCode.strip() + ")";
            item.category = Category.INSTRUCTION_PAYMENT;
            item.paidCents = 0;
            return;
        }
        PaymentCodes codes = decoded.payment(table, raw);
        if (!codes.known()) {
            reportUnknownOccurrence(codes.first());
        }
        item.occurrenceCode = codes.first();
        item.occurrenceText = codes.occurrence().text();
        item.category = codes.category();
        if (sink != null) {
            item.paymentOccurrences = codes.occurrences();
            item.reasons = codes.reasons();
        }
        if (item.category != Category.EFFECTED) {
            item.paidCents = 0;
        } else if (item.paidCents == 0) {
            item.paidCents = item.amountCents;
        }
    }

    private void decodeEntry() {
        OccurrenceTable table = layouts.extrato;
        String code = item.occurrenceCode.strip();
        item.occurrenceText = table.knows(code) ? table.occurrence(code).text() : "";
        if (item.entry != null) {
            var e = item.entry;
            String text = e.historyText().isEmpty() ? item.occurrenceText : e.historyText();
            item.occurrenceText = text;
            item.entry = new StatementEntry(e.accountingDate(), e.date(), e.amountCents(),
                    e.credit(), e.categoryCode(), table.knows(code) ? table.occurrence(code).text() : "",
                    e.historyCode(), e.historyText(), e.documentNumber());
        }
    }

    /** A W of a rejection file: the rejected record's number goes to yourNumber, the error text to reasons. */
    private void decodeRejection() {
        item.occurrenceText = "Registro " + item.yourNumber + " rejeitado na pré-crítica do banco";
        item.category = Category.ENTRY_REJECTED;
        item.reasons = item.rawReasons.isEmpty() ? List.of() : List.of(item.rawReasons);
    }

    private Occurrence occurrence(OccurrenceTable table, String code) {
        if (!table.knows(code)) {
            reportUnknownOccurrence(code);
        }
        return table.occurrence(code);
    }

    private void reportUnknownOccurrence(String code) {
        findings.unknownOccurrence(item.line, 16, code, numbering.bankCode());
    }
}
