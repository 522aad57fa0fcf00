package br.bankhistory.history.domain;

import br.bankhistory.cnab.Item;

import java.time.LocalDate;
import java.util.List;

/**
 * One title or payment of a recorded file, as the history keeps it, with its file's id and name so a search
 * across files can say where it was found.
 *
 * @param seq            the item's position in its file, from 1
 * @param reconciliation how it links to another file now (a retorno's match; a remessa title's latest
 *                       answer), or null before any reconciliation
 * @param answers        a remessa title's answers, every retorno that answered it, oldest first; empty
 *                       otherwise
 */
public record StoredItem(String recordId, int seq, String fileName, int line, String segment, String ourNumber,
                         String yourNumber, String occurrenceCode, String occurrenceText, String category,
                         List<String> reasons, LocalDate dueDate, long amountCents, long paidCents, long feeCents,
                         LocalDate occurrenceDate, LocalDate creditDate, String counterpartName,
                         String counterpartDocument, Reconciliation reconciliation, List<Reconciliation> answers) {

    public StoredItem {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
        answers = answers == null ? List.of() : List.copyOf(answers);
    }

    public static StoredItem of(String recordId, String fileName, int seq, Item item) {
        return new StoredItem(recordId, seq, fileName, item.line(),
                item.segment(), item.ourNumber(), item.yourNumber(), item.occurrenceCode(), item.occurrenceText(),
                item.category().name(), item.reasons(), item.dueDate(), item.amountCents(), item.paidCents(),
                item.feeCents(), item.occurrenceDate(), item.creditDate(), item.counterpartName(),
                item.counterpartDocument(), null, List.of());
    }

    /** The same item with its links as a reconciliation left them. */
    public StoredItem linked(Reconciliation now, List<Reconciliation> history) {
        return new StoredItem(recordId, seq, fileName, line, segment, ourNumber, yourNumber, occurrenceCode,
                occurrenceText, category, reasons, dueDate, amountCents, paidCents, feeCents, occurrenceDate,
                creditDate, counterpartName, counterpartDocument, now, history);
    }
}
