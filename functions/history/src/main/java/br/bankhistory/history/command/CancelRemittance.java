package br.bankhistory.history.command;

import br.bankhistory.history.domain.RecordDecision;
import br.bankhistory.history.domain.StoredItem;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Cancels a remessa (docs/remessa-lifecycle.md): checks the caller and the state, then moves the status with
 * a write conditional on the record as read ({@link RecordStore#decide}), so of concurrent cancels, or a cancel and
 * a delivery try, exactly one wins; the audit entry records who, when, why, before and after.
 */
public final class CancelRemittance {

    private static final JsonLog LOG = JsonLog.of(CancelRemittance.class);

    private final RecordStore records;
    private final ItemStore items;
    private final CarriedInstructions carried;
    private final Clock clock;

    public CancelRemittance(RecordStore records, ItemStore items, CarriedInstructions carried, Clock clock) {
        this.records = records;
        this.items = items;
        this.carried = carried;
        this.clock = clock;
    }

    /** Empty when the tenant has no such record. */
    public Optional<Result> cancel(Identity caller, String id, String reason) {
        return cancel(caller, id, reason, false);
    }

    /**
     * Empty when the tenant has no such record.
     *
     * @param bankNotified the caller says they asked the bank not to process it (needed for a remessa at the bank)
     */
    public Optional<Result> cancel(Identity caller, String id, String reason, boolean bankNotified) {
        String why = Reasons.required(reason, "Informe o motivo do cancelamento");
        if (!RecordIds.isValid(id)) {
            return Optional.empty();
        }
        Optional<IntegrationRecord> found = records.find(caller.tenant(), id);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        if (found.get().status() == RecordStatus.CANCELLED) {
            carried.release(found.get(), caller); // a cancel that died before its instructions: finished now
        }
        // the titles it frees, read once (a record's items never change); checked again on each reading below
        blocked(found.get(), caller, bankNotified);
        List<StoredItem> titles = EventTitles.of(items, found.get());
        IntegrationRecord[] before = {found.get()};
        // Decided on the record as read and written only if it is still so (a delivery try taking it, another
        // cancel): of a cancel and a delivery at once exactly one wins. The cancel and its event (with the titles
        // it frees) are one transaction: a cancel that loses publishes nothing.
        IntegrationRecord after = records.decide(caller.tenant(), id, record -> {
            blocked(record, caller, bankNotified);
            before[0] = record;
            StatusChange change = new StatusChange(clock.instant(), record.status(), RecordStatus.CANCELLED,
                    caller.userId(), caller.userName(), RemessaLifecycle.cancelNeedsBankNotified(record)
                            ? why + " (o banco foi avisado para não processá-la)" : why);
            return Optional.of(new RecordDecision(record.withStatus(RecordStatus.CANCELLED), change,
                    RecordEvents.cancelled(record, change, titles, bankNotified)));
        }).orElseThrow();
        LOG.info("remessa.cancelled", Map.of("tenant", caller.tenant(), "recordId", id,
                "from", before[0].status().name(), "by", caller.userId(), "bankNotified", bankNotified));
        carried.release(after, caller);
        return Optional.of(new Result(after, RemessaLifecycle.cancellationEffect(before[0]), after.itemCount()));
    }

    /** The state's refusal first (409), then the caller's (403). */
    private static void blocked(IntegrationRecord record, Identity caller, boolean bankNotified) {
        RemessaLifecycle.stateBlocksCancel(record, bankNotified).ifPresent(reason -> {
            throw new ConflictException(reason);
        });
        RemessaLifecycle.callerBlocksCancel(record, caller).ifPresent(reason -> {
            throw new ForbiddenException(reason);
        });
    }

    /** @param releasedTitles how many titles or payments are free for a new remessa */
    public record Result(IntegrationRecord record, String effect, long releasedTitles) {
    }
}
