package br.bankhistory.history.query;

import br.bankhistory.history.domain.Identity;
import br.bankhistory.history.domain.IntegrationRecord;
import br.bankhistory.history.domain.RecordIds;
import br.bankhistory.history.domain.RemessaLifecycle;
import br.bankhistory.history.domain.StatusChange;
import br.bankhistory.history.port.RecordStore;

import java.util.List;
import java.util.Optional;

/** One record with its status history and whether the caller may cancel it now. */
public final class GetIntegration {

    private final RecordStore records;

    public GetIntegration(RecordStore records) {
        this.records = records;
    }

    /** Empty when the tenant has no such record (another tenant's id included). */
    public Optional<Detail> get(Identity caller, String id) {
        if (!RecordIds.isValid(id)) {
            return Optional.empty();
        }
        return records.find(caller.tenant(), id).map(record -> new Detail(record, caller,
                records.statusHistory(caller.tenant(), id),
                RemessaLifecycle.cancelBlocked(record, caller)));
    }

    /** @param cancelBlockedReason why the caller cannot cancel it now; empty when they can */
    public record Detail(IntegrationRecord record, Identity caller, List<StatusChange> history,
                         Optional<String> cancelBlockedReason) {
    }
}
