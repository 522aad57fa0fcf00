package br.bankhistory.cnab.read;

import br.bankhistory.cnab.Category;
import br.bankhistory.cnab.FindingCodes;
import br.bankhistory.cnab.Severity;
import br.bankhistory.cnab.StatementEntry;
import br.bankhistory.cnab.layout.FieldSpec;
import br.bankhistory.cnab.layout.RecordLayout;

/**
 * Reads the CNAB 240 detail segments (segment letter at 14) into the open item: a segment that opens an item
 * (cobrança T, P; pagamento A, J, O, N; extrato E; rejection W) completes the one before it, the others
 * (U, Q, R/S/Y, B/C, J-52, Z) fill the item they complement.
 */
final class Cnab240Segments {

    private final RecordCursor record;
    private final ItemDraft item;
    private final Cnab240Evidence evidence;
    private final Cnab240Lote lote;
    private final Cnab240ItemCompletion completion;
    /** Whether the items' texts are read (an item sink is there), not only their totals. */
    private final boolean withText;
    private Cnab240Layouts layouts;

    Cnab240Segments(RecordCursor record, ItemDraft item, Cnab240Evidence evidence, Cnab240Lote lote,
                    Cnab240ItemCompletion completion, boolean withText) {
        this.record = record;
        this.item = item;
        this.evidence = evidence;
        this.lote = lote;
        this.completion = completion;
        this.withText = withText;
    }

    void use(Cnab240Layouts bankLayouts) {
        layouts = bankLayouts;
    }

    /** The current record is a detail: reads it by its segment. */
    void read() {
        char segment = record.at(14);
        evidence.segment(segment);
        switch (segment) {
            case 'T' -> open('T', layouts.segmentT, layouts.itemT);
            case 'U' -> complement('T', layouts.itemU, layouts.segmentU.name());
            case 'P' -> open('P', layouts.segmentP, layouts.itemP);
            case 'Q' -> complement('P', layouts.itemQ, layouts.segmentQ.name());
            case 'R', 'S', 'Y' -> optionalComplement(segment);
            case 'A' -> open('A', layouts.segmentA, layouts.itemA);
            case 'B', 'C' -> paymentComplement(segment, segment == 'C' ? null : lote.paysByPix() ? layouts.itemBPix
                    : layouts.itemB);
            case 'J' -> {
                if (record.matches(18, "52")) {
                    paymentComplement('J', layouts.itemJ52);
                } else {
                    open('J', layouts.segmentJ, layouts.itemJ);
                }
            }
            case 'O' -> open('O', layouts.segmentO, layouts.itemO);
            case 'N' -> open('N', layouts.segmentN, layouts.itemN);
            case 'Z' -> paymentComplement('Z', null);
            case 'W' -> segmentW();
            case 'E' -> entry();
            default -> record.report(Severity.WARNING, 14, FindingCodes.SEGMENT_UNKNOWN, "segment",
                    "Segmento \"" + segment + "\" não é lido por este leitor: registro ignorado.",
                    "Segment \"" + segment + "\" is not read by this reader: record ignored.");
        }
    }

    private void open(char segment, RecordLayout layout, ItemFields fields) {
        completion.flush();
        item.start(segment, record.lineNumber());
        record.validateRequired(layout);
        fields.fill(record, item, withText);
        switch (segment) {
            case 'T' -> {
                item.occurrenceCode = record.raw(layouts.tOccurrence.start(), layouts.tOccurrence.end());
                item.rawReasons = !withText || record.isBlankOrZeros(layouts.tReasons.start(), layouts.tReasons.end())
                        ? "" : record.raw(layouts.tReasons.start(), layouts.tReasons.end());
            }
            case 'P' -> item.occurrenceCode = record.raw(layouts.pOccurrence.start(), layouts.pOccurrence.end());
            case 'A' -> readPayment(layouts.aMovement, layouts.aOccurrences);
            case 'J' -> readPayment(layouts.jMovement, layouts.jOccurrences);
            case 'O' -> readPayment(layouts.oMovement, layouts.oOccurrences);
            case 'N' -> readPayment(layouts.nMovement, layouts.nOccurrences);
            default -> { }
        }
    }

    private void readPayment(FieldSpec movement, FieldSpec occurrences) {
        item.occurrenceCode = record.raw(movement.start(), movement.end());
        item.rawOccurrences = record.raw(occurrences.start(), occurrences.end());
        if (!item.rawOccurrences.isBlank()) {
            evidence.paymentOccurrences();
        }
    }

    private void complement(char opener, ItemFields fields, String layoutName) {
        char segment = record.at(14);
        if (item.active && item.opener == opener && !item.complemented) {
            fields.fill(record, item, withText);
            item.complemented = true;
            return;
        }
        record.report(Severity.WARNING, 14, FindingCodes.SEGMENT_ORDER, "segment",
                "Segmento " + segment + " sem o segmento " + opener + " que ele completa: ignorado.",
                "Segment " + segment + " without the segment " + opener + " it completes: ignored ("
                        + layoutName + ").");
    }

    /**
     * R, S, Y: optional records of the title before them. A Y-03 fills the title from the bank's Y-03
     * description (the Pix of a boleto híbrido where the bank describes it: key, txid); the others carry
     * nothing the item holds.
     */
    private void optionalComplement(char segment) {
        if (!item.active) {
            record.report(Severity.WARNING, 14, FindingCodes.SEGMENT_ORDER, "segment",
                    "Segmento " + segment + " sem um título antes dele: ignorado.",
                    "Segment " + segment + " without a title before it: ignored.");
            return;
        }
        if (segment == 'Y' && record.matches(18, "03") && (item.opener == 'T' || item.opener == 'P')) {
            layouts.itemY03.fill(record, item, withText);
        }
    }

    private void paymentComplement(char segment, ItemFields fields) {
        if (!paymentOpen()) {
            record.report(Severity.WARNING, 14, FindingCodes.SEGMENT_ORDER, "segment",
                    "Segmento " + (segment == 'J' ? "J-52" : String.valueOf(segment))
                            + " sem um pagamento (A, J, O, N) antes dele: ignorado.",
                    "Segment " + (segment == 'J' ? "J-52" : String.valueOf(segment))
                            + " without a payment (A, J, O, N) before it: ignored.");
            return;
        }
        if (fields != null) {
            fields.fill(record, item, withText);
        }
        if (segment == 'Z') {
            layouts.itemZ.fill(record, item, withText);
        }
        if (segment == 'Z' && item.rawOccurrences.isBlank()) {
            item.rawOccurrences = record.raw(layouts.zOccurrences.start(), layouts.zOccurrences.end());
        }
    }

    private boolean paymentOpen() {
        return item.active && "AJON".indexOf(item.opener) >= 0;
    }

    /**
     * W: in a Caixa rejection (pre-critique) file, one rejected record per W; in a pagamento, a complement
     * of the payment before it.
     */
    private void segmentW() {
        if (paymentOpen()) {
            return;
        }
        completion.flush();
        item.start('W', record.lineNumber());
        item.occurrenceCode = record.raw(layouts.wOccurrence.start(), layouts.wOccurrence.end());
        item.yourNumber = record.text(layouts.wRejectedRecord);
        item.rawReasons = record.text(layouts.wText);
    }

    /**
     * E: one entry of a bank statement. Its category comes from the debit/credit indicator (169), its
     * occurrence code is the FEBRABAN category (170-172), its amount is always positive.
     */
    private void entry() {
        completion.flush();
        item.start('E', record.lineNumber());
        record.validateRequired(layouts.segmentE);
        Cnab240Layouts.Extrato fields = layouts.extratoFields;
        item.amountCents = Math.max(0, record.number(fields.amount()));
        item.occurrenceDate = record.date(fields.entryDate());
        item.occurrenceCode = record.raw(fields.category().start(), fields.category().end());
        boolean credit = record.at(fields.entryType().start()) == 'C';
        item.category = credit ? Category.CREDIT : Category.DEBIT;
        lote.countEntry(credit, item.amountCents);
        if (withText) {
            item.yourNumber = record.text(fields.documentNumber());
            item.entry = new StatementEntry(record.date(fields.accountingDate()),
                    item.occurrenceDate, item.amountCents, credit, item.occurrenceCode.strip(), "",
                    record.text(fields.historyCode()), record.text(fields.historyText()), item.yourNumber);
        }
    }
}
