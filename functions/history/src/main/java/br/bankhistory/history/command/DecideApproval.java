package br.bankhistory.history.command;

import br.bankhistory.history.domain.IntegrationRecord;
import br.bankhistory.history.domain.Identity;
import br.bankhistory.history.domain.Reasons;
import br.bankhistory.history.domain.RecordIds;
import br.bankhistory.history.domain.RemessaApprovals;
import br.bankhistory.history.log.JsonLog;
import br.bankhistory.history.port.RecordStore;
import br.bankhistory.history.port.SettingsStore;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * An approver approves or rejects a remessa waiting for approval (docs/remessa-lifecycle.md, "Approval"). The
 * decision is taken on the record as read and written only if the record is still as read
 * ({@link RecordStore#decide}): two approvers at once each count once, and the one whose approval completes the
 * number required moves it to {@code APPROVED}, once; of an approval and a rejection at once exactly one is
 * written first and the other is decided on what it left; the same approver twice counts once (the repetition
 * answers the record as it is, 200).
 */
public final class DecideApproval {

    private static final JsonLog LOG = JsonLog.of(DecideApproval.class);

    private final RecordStore records;
    private final SettingsStore settings;
    private final CarriedInstructions carried;
    private final Clock clock;

    public DecideApproval(RecordStore records, SettingsStore settings, CarriedInstructions carried, Clock clock) {
        this.records = records;
        this.settings = settings;
        this.carried = carried;
        this.clock = clock;
    }

    /** Empty when the tenant has no such record. */
    public Optional<IntegrationRecord> approve(Identity caller, String id) {
        if (!RecordIds.isValid(id)) {
            return Optional.empty();
        }
        var rules = settings.approvalRules(caller.tenant());
        Optional<IntegrationRecord> after = records.decide(caller.tenant(), id,
                record -> RemessaApprovals.approve(record, rules, caller, clock.instant()));
        after.ifPresent(r -> LOG.info("remessa.approval", Map.of("tenant", caller.tenant(), "recordId", id,
                "by", caller.userId(), "status", r.status().name(), "approvals", r.approval().approvals().size())));
        return after;
    }

    /** Empty when the tenant has no such record. */
    public Optional<IntegrationRecord> reject(Identity caller, String id, String reason) {
        String why = Reasons.required(reason, "reason: informe o motivo da reprovação");
        if (!RecordIds.isValid(id)) {
            return Optional.empty();
        }
        var rules = settings.approvalRules(caller.tenant());
        Optional<IntegrationRecord> after = records.decide(caller.tenant(), id,
                record -> Optional.of(RemessaApprovals.reject(record, rules, caller, why, clock.instant())));
        after.ifPresent(r -> {
            LOG.info("remessa.rejected", Map.of("tenant", caller.tenant(), "recordId", id, "by", caller.userId()));
            carried.release(r, caller);
        });
        return after;
    }
}
