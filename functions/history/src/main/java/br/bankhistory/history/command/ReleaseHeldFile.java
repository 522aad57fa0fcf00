package br.bankhistory.history.command;

import br.bankhistory.history.domain.ChangeEvent;
import br.bankhistory.history.domain.ConflictException;
import br.bankhistory.history.domain.Delivery;
import br.bankhistory.history.domain.FileKind;
import br.bankhistory.history.domain.ForbiddenException;
import br.bankhistory.history.domain.HeldFiles;
import br.bankhistory.history.domain.Identity;
import br.bankhistory.history.domain.IntegrationRecord;
import br.bankhistory.history.domain.InvalidRequestException;
import br.bankhistory.history.domain.ObjectPlace;
import br.bankhistory.history.domain.Origin;
import br.bankhistory.history.domain.RecordIds;
import br.bankhistory.history.domain.RecordEvents;
import br.bankhistory.history.domain.RecordStatus;
import br.bankhistory.history.domain.StatusChange;
import br.bankhistory.history.log.JsonLog;
import br.bankhistory.history.port.FollowUps;
import br.bankhistory.history.port.ItemStore;
import br.bankhistory.history.port.RecordStore;
import br.bankhistory.history.titles.EventTitles;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An admin's decision on a held file (docs/operations.md, "Duplicates"): release it, and it is processed as
 * any other file (titles claimed, reconciled, the admins emailed when automatic), once, by the FollowUp
 * function a moment later; or discard it, and
 * nothing of it counts. Both are audited (who, when, why) and idempotent: the status moves with a conditional
 * write, so of concurrent decisions one wins; a release repeated (or raced) answers the released record and
 * asks for its processing again, which completes a release that died half-way and otherwise changes nothing.
 */
public final class ReleaseHeldFile {

    private static final int MIN_REASON = 3;
    private static final int MAX_REASON = 500;
    private static final JsonLog LOG = JsonLog.of(ReleaseHeldFile.class);

    private final RecordStore records;
    private final ItemStore items;
    private final FollowUps followUps;
    private final Clock clock;

    public ReleaseHeldFile(RecordStore records, ItemStore items, FollowUps followUps, Clock clock) {
        this.records = records;
        this.items = items;
        this.followUps = followUps;
        this.clock = clock;
    }

    /** Empty when the tenant has no such record. */
    public Optional<IntegrationRecord> release(Identity caller, String id, String reason) {
        return decide(caller, id, reason, true);
    }

    /** Empty when the tenant has no such record. */
    public Optional<IntegrationRecord> discard(Identity caller, String id, String reason) {
        return decide(caller, id, reason, false);
    }

    private Optional<IntegrationRecord> decide(Identity caller, String id, String reason, boolean release) {
        HeldFiles.callerBlocksDecision(caller).ifPresent(blocked -> {
            throw new ForbiddenException(blocked);
        });
        String why = reason == null ? "" : reason.strip();
        if (why.length() < MIN_REASON || why.length() > MAX_REASON) {
            throw new InvalidRequestException("Informe o motivo (de " + MIN_REASON + " a " + MAX_REASON
                    + " caracteres).");
        }
        if (!RecordIds.isValid(id)) {
            return Optional.empty();
        }
        Optional<IntegrationRecord> found = records.find(caller.tenant(), id);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        IntegrationRecord held = found.get();
        RecordStatus target = release ? releasedStatus(held) : RecordStatus.DISCARDED;
        if (held.status().held()) {
            StatusChange change = new StatusChange(clock.instant(), held.status(), target, caller.userId(),
                    caller.userName(), (release ? "Liberado: " : "Descartado: ") + why);
            if (records.changeStatus(caller.tenant(), id, change, release ? releasedEvent(held, target)
                    : Optional.empty())) {
                LOG.info(release ? "held.released" : "held.discarded", Map.of("tenant", caller.tenant(),
                        "recordId", id, "from", held.status().name(), "to", target.name(), "by", caller.userId()));
            }
        }
        IntegrationRecord now = records.find(caller.tenant(), id).orElseThrow();
        if (!decidedAs(caller.tenant(), id, target)) {
            throw new ConflictException(now.status() == RecordStatus.DISCARDED && release
                    ? "Este arquivo já foi descartado; ele não pode mais ser liberado."
                    : now.status().held() ? "O registro foi alterado por outra solicitação; tente de novo."
                    : "Este arquivo não está retido (situação \"" + now.status().label() + "\").");
        }
        if (release) {
            // its processing runs in the FollowUp function; asked again on a repeated release, which completes
            // a release that died before asking, and otherwise changes nothing (every step is idempotent)
            followUps.processRecord(caller.tenant(), id, "released");
        }
        return Optional.of(now);
    }

    /**
     * A released remessa tells what its recording would have told (generated, waiting for delivery or for approval):
     * the event the delivery step and the ERP act on. A released retorno publishes nothing new.
     */
    private Optional<ChangeEvent> releasedEvent(IntegrationRecord held, RecordStatus target) {
        if (held.kind() != FileKind.REMESSA_COBRANCA && held.kind() != FileKind.REMESSA_PAGAMENTO) {
            return Optional.empty();
        }
        IntegrationRecord released = held.withStatus(target);
        return ObjectPlace.of(held.objectKey()).flatMap(place -> RecordEvents.recorded(released, place.area(),
                RecordEvents.listsTitles(released) ? EventTitles.of(items, released) : List.of()));
    }

    /** Whether the record left a held status for {@code target} (by this request or an earlier one). */
    private boolean decidedAs(String tenant, String id, RecordStatus target) {
        List<StatusChange> history = records.statusHistory(tenant, id);
        return history.stream().anyMatch(c -> c.from() != null && c.from().held() && c.to() == target);
    }

    /** The status the file would have had, had it not been held (docs/remessa-lifecycle.md). */
    static RecordStatus releasedStatus(IntegrationRecord record) {
        boolean remessa = record.kind() == FileKind.REMESSA_COBRANCA || record.kind() == FileKind.REMESSA_PAGAMENTO;
        if (!remessa) {
            return RecordStatus.PROCESSED;
        }
        if (record.approval().needed()) {
            return RecordStatus.AWAITING_APPROVAL; // a release is no approval (docs/remessa-lifecycle.md)
        }
        if (record.delivery().state() == Delivery.State.WAITING) {
            return RecordStatus.READY_TO_SEND; // generated here for the integration: the delivery step takes it
        }
        return record.origin() == Origin.MANUAL ? RecordStatus.GENERATED : RecordStatus.SENT;
    }
}
