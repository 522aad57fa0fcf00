package br.bankhistory.history.query;

import br.bankhistory.history.domain.ApprovalRules;
import br.bankhistory.history.domain.Identity;
import br.bankhistory.history.domain.IntegrationRecord;
import br.bankhistory.history.domain.ListFilter;
import br.bankhistory.history.domain.RecordStatus;
import br.bankhistory.history.domain.RemessaApprovals;
import br.bankhistory.history.port.RecordStore;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What waits for the caller ({@code GET /approvals}): the tenant's remessas awaiting approval that the caller
 * may approve (an approver of the group, not their creator, not approved by them yet), newest first.
 */
public final class ListApprovals {

    /** Remessas awaiting approval read at most per request: a backlog larger than this is not a queue anyone reads. */
    static final int MAX_READ = 1_000;
    private static final int PAGE = 100;

    private final RecordStore records;
    private final br.bankhistory.history.port.SettingsStore settings;

    public ListApprovals(RecordStore records, br.bankhistory.history.port.SettingsStore settings) {
        this.records = records;
        this.settings = settings;
    }

    public List<IntegrationRecord> waitingFor(Identity caller) {
        ApprovalRules rules = settings.approvalRules(caller.tenant());
        if (rules.approver(caller.userId()).isEmpty()) {
            return List.of();
        }
        ListFilter awaiting = new ListFilter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.of(RecordStatus.AWAITING_APPROVAL), Optional.empty(),
                Optional.empty(), Optional.empty());
        List<IntegrationRecord> mine = new ArrayList<>();
        Optional<String> after = Optional.empty();
        int read = 0;
        do {
            RecordStore.RecordPage page = records.list(caller.tenant(), awaiting, after, PAGE);
            read += page.records().size();
            page.records().stream()
                    .filter(r -> RemessaApprovals.mayDecide(r, rules, caller))
                    .filter(r -> !r.approval().approvedBy(caller.userId()))
                    .forEach(mine::add);
            after = page.lastId();
        } while (after.isPresent() && read < MAX_READ);
        return mine;
    }
}
