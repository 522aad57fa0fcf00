package br.bankhistory.history.port;

import br.bankhistory.history.domain.CreditDay;
import br.bankhistory.history.domain.RecordCredits;

import br.bankhistory.history.domain.FileKind;
import br.bankhistory.history.domain.IntegrationRecord;
import br.bankhistory.history.domain.StoredItem;

import java.time.LocalDate;
import java.util.List;

/**
 * Where the cobrança credits of extratos and retornos meet (docs/data-model.md, "Cobrança credits"): one entry
 * per tenant, bank and credit date, read and written whole by key, and each file's side of the links. Writers
 * hold the bank's {@code credits#{bank}} lease, so writes are plain puts.
 */
public interface CreditBook {

    /** The day's credits, empty when none was written. */
    CreditDay day(String tenant, String bank, LocalDate date);

    /** Writes the day whole (an empty day is removed). */
    void putDay(String tenant, CreditDay day);

    /** A file's side of the links, {@link RecordCredits#none} when it has none. */
    RecordCredits credits(String tenant, String recordId);

    /** Writes a file's side whole. */
    void putCredits(String tenant, RecordCredits credits);

    /** Attaches each item its credit link, for the kinds that have them (extratos, cobrança retornos). */
    default List<StoredItem> attach(IntegrationRecord record, List<StoredItem> items) {
        if (record.kind() != FileKind.EXTRATO && record.kind() != FileKind.RETORNO_COBRANCA) {
            return items;
        }
        RecordCredits side = credits(record.tenant(), record.id());
        return side.links().isEmpty() ? items : items.stream().map(side::attach).toList();
    }

    /** A book without any credit, for wirings that show none (it refuses writes). */
    static CreditBook none() {
        return new CreditBook() {
            @Override
            public CreditDay day(String tenant, String bank, LocalDate date) {
                return CreditDay.empty(bank, date);
            }

            @Override
            public void putDay(String tenant, CreditDay day) {
                throw new UnsupportedOperationException("no credit book in this wiring");
            }

            @Override
            public RecordCredits credits(String tenant, String recordId) {
                return RecordCredits.none(recordId);
            }

            @Override
            public void putCredits(String tenant, RecordCredits credits) {
                throw new UnsupportedOperationException("no credit book in this wiring");
            }
        };
    }
}
