package br.bankhistory.history.query;

import br.bankhistory.history.domain.IntegrationRecord;
import br.bankhistory.history.domain.ListFilter;
import br.bankhistory.history.domain.InvalidRequestException;
import br.bankhistory.history.domain.RecordIds;
import br.bankhistory.history.port.RecordStore;

import java.util.List;
import java.util.Optional;

/** The history list, newest first, filtered, one bounded page at a time. */
public final class ListIntegrations {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    private final RecordStore records;

    public ListIntegrations(RecordStore records) {
        this.records = records;
    }

    /**
     * @param cursor the previous page's cursor, if any
     * @throws InvalidRequestException when the limit is out of range or the cursor is not one of this query
     */
    public Page page(String tenant, ListFilter filter, Optional<String> cursor, int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidRequestException("O parâmetro limit deve estar entre 1 e " + MAX_LIMIT + ".");
        }
        Optional<String> after = Optional.empty();
        if (cursor.isPresent()) {
            after = Cursor.decode(tenant, filter.fingerprint(), cursor.get()).filter(RecordIds::isValid);
            if (after.isEmpty()) {
                throw new InvalidRequestException("O cursor informado não é válido para esta consulta.");
            }
        }
        RecordStore.RecordPage page = records.list(tenant, filter, after, limit);
        return new Page(page.records(), page.lastId().map(id -> Cursor.encode(tenant, filter.fingerprint(), id)));
    }

    public record Page(List<IntegrationRecord> records, Optional<String> nextCursor) {
    }
}
