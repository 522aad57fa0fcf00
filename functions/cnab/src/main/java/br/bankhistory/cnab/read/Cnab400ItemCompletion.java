package br.bankhistory.cnab.read;

import br.bankhistory.cnab.Category;
import br.bankhistory.cnab.Item;
import br.bankhistory.cnab.occurrence.Occurrence;
import br.bankhistory.cnab.occurrence.OccurrenceTable;

import java.util.function.Consumer;

/**
 * Completes the open CNAB 400 title once the next detail or the trailer starts: its occurrence and reasons
 * decoded with the bank's table, the paid amount where the layout has none, then pushed to the totals and
 * the sink and counted for the trailer.
 */
final class Cnab400ItemCompletion {

    private final Findings findings;
    private final Totals totals;
    /** Receives the complete items, or null when only the totals are wanted. */
    private final Consumer<Item> sink;
    private final ItemDraft item;
    private final Cnab400TrailerTotals trailerTotals;
    private final DecodeCache decoded = new DecodeCache();

    Cnab400ItemCompletion(Findings findings, Totals totals, Consumer<Item> sink, ItemDraft item,
                          Cnab400TrailerTotals trailerTotals) {
        this.findings = findings;
        this.totals = totals;
        this.sink = sink;
        this.item = item;
        this.trailerTotals = trailerTotals;
    }

    /** Completes and pushes the open item, if any, read with {@code detail} of bank {@code bankCode}. */
    void flush(Cnab400Layouts.Detail detail, String bankCode) {
        if (!item.active) {
            return;
        }
        item.active = false;
        OccurrenceTable table = detail.occurrences();
        String code = item.occurrenceCode;
        if (!table.knows(code)) {
            findings.unknownOccurrence(item.line, detail.occurrence().start(), code, bankCode);
        }
        Occurrence occurrence = table.occurrence(code);
        item.occurrenceText = occurrence.text();
        item.category = occurrence.category();
        if (detail.reasons() != null && sink != null) {
            item.reasons = decoded.reasons(table, code, item.rawReasons, detail.reasons().codeWidth(), 0);
        }
        if (!detail.item().hasPaid() && item.category == Category.PAID && item.netCents > 0) {
            item.paidCents = item.netCents + item.feeCents;
        }
        if (item.emit(findings, totals, sink)) {
            trailerTotals.countItem(item.amountCents);
        }
    }
}
