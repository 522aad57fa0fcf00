package br.bankhistory.history.domain;

import br.bankhistory.cnab.Item;

import java.time.LocalDate;
import java.util.List;

/**
 * One title or payment of a recorded file, as the history keeps it, with its file's id and name so a search
 * across files can say where it was found.
 *
 * @param seq the item's position in its file, from 1
 */
public record StoredItem(String recordId, int seq, String fileName, int line, String segment, String ourNumber, String yourNumber, String occurrenceCode,
                         String occurrenceText, String category, List<String> reasons, LocalDate dueDate,
                         long amountCents, long paidCents, long feeCents, LocalDate occurrenceDate,
                         LocalDate creditDate, String counterpartName, String counterpartDocument,
                         Reconciliation reconciliation) {

    public static StoredItem of(String recordId, String fileName, int seq, Item item) {
        return new StoredItem(recordId, seq, fileName, item.line(),
                item.segment(), item.ourNumber(), item.yourNumber(), item.occurrenceCode(), item.occurrenceText(),
                item.category().name(), item.reasons(), item.dueDate(), item.amountCents(), item.paidCents(),
                item.feeCents(), item.occurrenceDate(), item.creditDate(), item.counterpartName(),
                item.counterpartDocument(), null);
    }
}
