package br.bankhistory.history.command;

import br.bankhistory.history.domain.PendingInstruction;
import br.bankhistory.history.log.JsonLog;
import br.bankhistory.history.port.FileStore;
import br.bankhistory.history.port.InstructionStore;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Closes what a run that died left behind (docs/remessa-lifecycle.md, "Exactly once, and a run that dies"): instructions still
 * claimed by another run. The run noted the remessa it was about to store before storing it
 * ({@link InstructionStore#recordCarry}): when that remessa is in the bucket, its instructions are marked carried
 * by it, at once; when it is not (the run died before storing it, or the store failed), they go back to pending
 * once their claim is older than the run's lease (a run lasts no longer: the function's timeout is the lease), and
 * the same run may carry them. Called by a run that holds the group's lease, so no live run of the group is
 * carrying them.
 */
final class RecoverClaims {

    private static final JsonLog LOG = JsonLog.of(RecoverClaims.class);

    /** @param released the instructions back to pending, for the run to carry */
    record Outcome(List<RunSchedule.Recovered> recovered, List<PendingInstruction> released) {
    }

    private final InstructionStore store;
    private final FileStore files;
    private final Clock clock;

    RecoverClaims(InstructionStore store, FileStore files, Clock clock) {
        this.store = store;
        this.files = files;
        this.clock = clock;
    }

    /** @param claimed the group's pending instructions claimed by other runs */
    Outcome recover(String tenant, String group, List<PendingInstruction> claimed) {
        Map<String, List<PendingInstruction>> byRun = new LinkedHashMap<>();
        claimed.forEach(i -> byRun.computeIfAbsent(i.claimedBy().orElseThrow(), r -> new ArrayList<>()).add(i));
        List<RunSchedule.Recovered> recovered = new ArrayList<>();
        List<PendingInstruction> released = new ArrayList<>();
        for (Map.Entry<String, List<PendingInstruction>> run : byRun.entrySet()) {
            Optional<InstructionStore.Carry> carry = store.carryOfRun(tenant, run.getKey(), group);
            List<PendingInstruction> left = new ArrayList<>(run.getValue());
            if (carry.isPresent() && files.exists(carry.get().objectKey())) {
                InstructionStore.Carry c = carry.get();
                PendingInstruction.Carrier carrier = new PendingInstruction.Carrier(c.objectKey(), c.fileName(),
                        clock.instant());
                List<String> ids = new ArrayList<>();
                for (PendingInstruction i : run.getValue()) {
                    if (c.instructionIds().contains(i.id()) && store.carry(tenant, i.id(), run.getKey(), carrier)) {
                        ids.add(i.id());
                        left.remove(i);
                    }
                }
                note(recovered, tenant, group, c.objectKey(), c.fileName(), ids, true);
            }
            Instant expired = clock.instant().minus(RunSchedule.LEASE);
            List<String> ids = new ArrayList<>();
            for (PendingInstruction i : left) {
                if (i.claim().orElseThrow().at().isBefore(expired) && store.release(tenant, i.id(), run.getKey())) {
                    ids.add(i.id());
                    released.add(i);
                }
            }
            note(recovered, tenant, group, carry.map(InstructionStore.Carry::objectKey).orElse(""),
                    carry.map(InstructionStore.Carry::fileName).orElse(""), ids, false);
        }
        return new Outcome(recovered, released);
    }

    private static void note(List<RunSchedule.Recovered> recovered, String tenant, String group, String key,
                             String fileName, List<String> ids, boolean carried) {
        if (ids.isEmpty()) {
            return;
        }
        recovered.add(new RunSchedule.Recovered(tenant, group, key, fileName, List.copyOf(ids), carried));
        LOG.warn(carried ? "schedule.recovered.carried" : "schedule.recovered.released", Map.of("tenant", tenant,
                "group", group, "key", key, "instructions", ids.size()));
    }
}
