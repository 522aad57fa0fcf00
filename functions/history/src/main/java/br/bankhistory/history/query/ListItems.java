package br.bankhistory.history.query;

import br.bankhistory.history.domain.IntegrationRecord;
import br.bankhistory.history.domain.InvalidRequestException;
import br.bankhistory.history.domain.RecordIds;
import br.bankhistory.history.domain.StoredItem;
import br.bankhistory.history.port.ItemReader;
import br.bankhistory.history.port.CreditBook;
import br.bankhistory.history.port.ItemStore;
import br.bankhistory.history.port.RecordStore;

import java.util.List;
import java.util.Optional;

/** The titles or payments of one record, in file order, one bounded page at a time. */
public final class ListItems {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 500;

    private final RecordStore records;
    private final ItemStore items;
    private final CreditBook credits;

    public ListItems(RecordStore records, ItemStore items, CreditBook credits) {
        this.records = records;
        this.items = items;
        this.credits = credits;
    }

    /** Empty when the tenant has no such record. */
    public Optional<Page> page(String tenant, String recordId, Optional<String> cursor, int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidRequestException("O parâmetro limit deve estar entre 1 e " + MAX_LIMIT + ".");
        }
        if (!RecordIds.isValid(recordId)) {
            return Optional.empty();
        }
        Optional<IntegrationRecord> record = records.find(tenant, recordId);
        if (record.isEmpty()) {
            return Optional.empty();
        }
        int after = 0;
        if (cursor.isPresent()) {
            after = Cursor.decode(tenant, "items:" + recordId, cursor.get())
                    .filter(p -> p.matches("\\d{1,9}"))
                    .map(Integer::parseInt)
                    .orElseThrow(() -> new InvalidRequestException("O cursor informado não é válido para esta consulta."));
        }
        ItemReader.ItemPage page = items.page(tenant, recordId, after, limit);
        return Optional.of(new Page(record.get(), credits.attach(record.get(), page.items()),
                page.lastSeq().map(seq -> Cursor.encode(tenant, "items:" + recordId, Integer.toString(seq)))));
    }

    public record Page(IntegrationRecord record, List<StoredItem> items, Optional<String> nextCursor) {
    }
}
