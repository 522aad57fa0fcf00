package br.bankhistory.history.command;

import br.bankhistory.history.domain.ChangeEvent;
import br.bankhistory.history.domain.ConflictException;
import br.bankhistory.history.domain.ForbiddenException;
import br.bankhistory.history.domain.Identity;
import br.bankhistory.history.domain.IntegrationRecord;
import br.bankhistory.history.domain.Reasons;
import br.bankhistory.history.domain.RecordIds;
import br.bankhistory.history.domain.RecordEvents;
import br.bankhistory.history.domain.RecordStatus;
import br.bankhistory.history.domain.RemessaLifecycle;
import br.bankhistory.history.domain.StatusChange;
import br.bankhistory.history.log.JsonLog;
import br.bankhistory.history.port.ItemStore;
import br.bankhistory.history.port.RecordStore;
import br.bankhistory.history.titles.EventTitles;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * Cancels a remessa (docs/remessa-lifecycle.md): checks the caller and the state, then moves the status with
 * a conditional write, so of concurrent cancels exactly one wins; the audit entry records who, when, why,
 * before and after.
 */
public final class CancelRemittance {

    private static final JsonLog LOG = JsonLog.of(CancelRemittance.class);

    private final RecordStore records;
    private final ItemStore items;
    private final Clock clock;

    public CancelRemittance(RecordStore records, ItemStore items, Clock clock) {
        this.records = records;
        this.items = items;
        this.clock = clock;
    }

    /** Empty when the tenant has no such record. */
    public Optional<Result> cancel(Identity caller, String id, String reason) {
        String why = Reasons.required(reason, "Informe o motivo do cancelamento");
        if (!RecordIds.isValid(id)) {
            return Optional.empty();
        }
        Optional<IntegrationRecord> found = records.find(caller.tenant(), id);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        IntegrationRecord before = found.get();
        RemessaLifecycle.stateBlocksCancel(before).ifPresent(blocked -> {
            throw new ConflictException(blocked);
        });
        RemessaLifecycle.callerBlocksCancel(before, caller).ifPresent(blocked -> {
            throw new ForbiddenException(blocked);
        });
        StatusChange change = new StatusChange(clock.instant(), before.status(), RecordStatus.CANCELLED,
                caller.userId(), caller.userName(), why);
        // The cancel and its event (with the titles it frees) are one transaction: a cancel that loses the race
        // publishes nothing.
        ChangeEvent event = RecordEvents.cancelled(before, change, EventTitles.of(items, before));
        if (!records.changeStatus(caller.tenant(), id, change, Optional.of(event))) {
            throw new ConflictException("A remessa foi alterada por outra solicitação; recarregue e tente de novo.");
        }
        LOG.info("remessa.cancelled", Map.of("tenant", caller.tenant(), "recordId", id,
                "from", before.status().name(), "by", caller.userId()));
        return records.find(caller.tenant(), id)
                .map(after -> new Result(after, RemessaLifecycle.cancellationEffect(before), after.itemCount()));
    }

    /** @param releasedTitles how many titles or payments are free for a new remessa */
    public record Result(IntegrationRecord record, String effect, long releasedTitles) {
    }
}
