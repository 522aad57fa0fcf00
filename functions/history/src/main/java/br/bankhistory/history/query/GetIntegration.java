package br.bankhistory.history.query;

import br.bankhistory.history.domain.Identity;
import br.bankhistory.history.domain.IntegrationRecord;
import br.bankhistory.history.domain.RecordIds;
import br.bankhistory.history.domain.RemessaApprovals;
import br.bankhistory.history.domain.RemessaLifecycle;
import br.bankhistory.history.domain.StatusChange;
import br.bankhistory.history.port.RecordStore;
import br.bankhistory.history.port.SettingsStore;

import java.util.List;
import java.util.Optional;

/** One record with its status history, whether the caller may cancel it now and decide on its approval. */
public final class GetIntegration {

    private final RecordStore records;
    private final SettingsStore settings;

    public GetIntegration(RecordStore records, SettingsStore settings) {
        this.records = records;
        this.settings = settings;
    }

    /** Empty when the tenant has no such record (another tenant's id included). */
    public Optional<Detail> get(Identity caller, String id) {
        if (!RecordIds.isValid(id)) {
            return Optional.empty();
        }
        return records.find(caller.tenant(), id).map(record -> new Detail(record, caller,
                records.statusHistory(caller.tenant(), id),
                RemessaLifecycle.cancelBlocked(record, caller), cannotDecide(record, caller)));
    }

    /** The approval rules' reason the caller may not decide; read only for a record that asks for approval. */
    private Optional<String> cannotDecide(IntegrationRecord record, Identity caller) {
        if (!record.approval().needed()) {
            return Optional.empty();
        }
        return RemessaApprovals.decisionBlocked(record, settings.approvalRules(caller.tenant()), caller)
                .map(RemessaApprovals.Refusal::reason);
    }

    /**
     * @param cancelBlockedReason why the caller cannot cancel it now; empty when they can
     * @param cannotDecideReason  why the caller may neither approve nor reject it now; empty when they may (or
     *                            when the record needs no approval)
     */
    public record Detail(IntegrationRecord record, Identity caller, List<StatusChange> history,
                         Optional<String> cancelBlockedReason, Optional<String> cannotDecideReason) {
    }
}
