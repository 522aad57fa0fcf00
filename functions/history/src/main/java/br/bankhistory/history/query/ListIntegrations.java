package br.bankhistory.history.query;

import br.bankhistory.history.domain.IntegrationRecord;
import br.bankhistory.history.port.RecordStore;

import java.util.List;
import java.util.Optional;

/** The history list, newest first, one bounded page at a time. */
public final class ListIntegrations {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    private final RecordStore records;

    public ListIntegrations(RecordStore records) {
        this.records = records;
    }

    /**
     * @param afterId the last id of the previous page (decoded from its cursor), if any
     */
    public Page page(String tenant, Optional<String> afterId, int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
        }
        RecordStore.RecordPage page = records.listNewestFirst(tenant, afterId, limit);
        return new Page(page.records(), page.lastId().map(id -> Cursor.encode(tenant, id)));
    }

    public record Page(List<IntegrationRecord> records, Optional<String> nextCursor) {
    }
}
