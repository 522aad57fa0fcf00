package br.bankhistory.history.port;

import br.bankhistory.history.domain.IntegrationRecord;

import java.util.List;
import java.util.Optional;

/** Where history records live. Every method is scoped to one tenant. */
public interface RecordStore {

    /** The record already written for this delivered object, if any. */
    Optional<String> recordIdForObject(String tenant, String objectIdentity);

    /**
     * Writes the record and its object identity together, only if neither exists yet.
     *
     * @return false when another delivery of the same object was recorded first (nothing is written)
     */
    boolean saveNew(IntegrationRecord record, String objectIdentity);

    Optional<IntegrationRecord> find(String tenant, String id);

    /** Newest first, starting after {@code afterId} when given. */
    RecordPage listNewestFirst(String tenant, Optional<String> afterId, int limit);

    record RecordPage(List<IntegrationRecord> records, Optional<String> lastId) {
    }
}
