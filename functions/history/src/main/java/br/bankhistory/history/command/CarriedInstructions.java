package br.bankhistory.history.command;

import br.bankhistory.history.domain.FileNames;
import br.bankhistory.history.domain.Identity;
import br.bankhistory.history.domain.IntegrationRecord;
import br.bankhistory.history.domain.PendingInstruction;
import br.bankhistory.history.domain.RecordStatus;
import br.bankhistory.history.log.JsonLog;
import br.bankhistory.history.port.InstructionStore;

import java.time.Clock;
import java.util.Map;

/**
 * The pending instructions a scheduled remessa carries, once that remessa will not reach the bank after all
 * (docs/remessa-lifecycle.md, "Pending instructions and scheduled remessas"): cancelled, or rejected in its
 * approval. Each one still {@code CARRIED} by it becomes {@code CANCELLED}, saying why, so the ERP sees that its
 * title or payment was not sent and may leave it again; none is sent by a later run on its own, since the person
 * who stopped the remessa may have stopped it for that very title. Each write is conditional on the instruction
 * being carried by this remessa, so doing it again changes nothing.
 */
public final class CarriedInstructions {

    private static final JsonLog LOG = JsonLog.of(CarriedInstructions.class);

    private final InstructionStore store;
    private final Clock clock;

    public CarriedInstructions(InstructionStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** The remessa's instructions to {@code CANCELLED}, if it is cancelled or rejected; how many changed. */
    public int release(IntegrationRecord remessa, Identity by) {
        String what = remessa.status() == RecordStatus.CANCELLED ? "cancelada"
                : remessa.status() == RecordStatus.APPROVAL_REJECTED ? "reprovada na aprovação" : "";
        if (what.isEmpty()) {
            return 0;
        }
        var carry = store.carryOf(remessa.tenant(), remessa.objectKey());
        if (carry.isEmpty()) {
            return 0; // not a scheduled remessa
        }
        PendingInstruction.Cancellation cancellation = new PendingInstruction.Cancellation(clock.instant(),
                by.userId(), by.userName(), "A remessa " + FileNames.display(remessa.fileName()) + ", que levava "
                        + "esta instrução, foi " + what + ". Crie a instrução de novo se ainda quiser enviá-la ao "
                        + "banco.");
        int released = 0;
        for (String id : carry.get().instructionIds()) {
            if (store.cancelCarried(remessa.tenant(), id, remessa.objectKey(), cancellation)) {
                released++;
            }
        }
        if (released > 0) {
            LOG.info("instructions.released", Map.of("tenant", remessa.tenant(), "recordId", remessa.id(),
                    "status", remessa.status().name(), "instructions", released));
        }
        return released;
    }
}
