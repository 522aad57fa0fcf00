package br.bankhistory.history.port;

import br.bankhistory.history.domain.ChangeEvent;
import br.bankhistory.history.domain.PendingInstruction;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The pending instructions of each tenant, and the short list of tenants that have any. Every change of state
 * is a conditional write: of two runs (or a run and a cancel) only one moves an instruction.
 */
public interface InstructionStore {

    /** Stores a new {@code PENDING} instruction and puts its tenant on the list of tenants with pending ones. */
    void create(PendingInstruction instruction);

    /** The tenant's instruction (consistent read); empty for an id of another tenant. */
    Optional<PendingInstruction> find(String tenant, String id);

    /** The tenant's instructions in a status, newest first, after {@code afterId} when given. */
    Page list(String tenant, PendingInstruction.Status status, Optional<String> afterId, int limit);

    record Page(List<PendingInstruction> instructions, Optional<String> lastId) {
    }

    /** {@code PENDING} and unclaimed to {@code CANCELLED}; false when it was not so any more. */
    boolean cancel(String tenant, String id, PendingInstruction.Cancellation cancellation);

    /**
     * {@code CARRIED} by the remessa stored under {@code objectKey} to {@code CANCELLED}: that remessa will not reach
     * the bank (cancelled, or rejected in its approval). False when the instruction is not so (settled, cancelled
     * already, carried by another remessa).
     */
    boolean cancelCarried(String tenant, String id, String objectKey, PendingInstruction.Cancellation cancellation);

    /** Claims a {@code PENDING}, unclaimed instruction for a run; false when another run or a cancel came first. */
    boolean claim(String tenant, String id, String runId, Instant at);

    /** Gives a claim back (the run's remessa was not stored); false (nothing) when the run does not hold it. */
    boolean release(String tenant, String id, String runId);

    /** The claimed instruction to {@code CARRIED} by the remessa; false when the run no longer held it. */
    boolean carry(String tenant, String id, String runId, PendingInstruction.Carrier carrier);

    /**
     * The instructions a scheduled remessa carries, in the order of its titles: the title at position {@code p}
     * is {@code instructionIds.get(p - 1)}'s. Written by the run before the remessa is stored, so both the run
     * that comes after a crash and the retorno that answers the remessa find its instructions.
     */
    record Carry(String objectKey, String fileName, String runId, String groupKey, List<String> instructionIds,
                 Instant at) {
    }

    /** Keeps the carry, found by the remessa's object key and by the run and group that wrote it. */
    void recordCarry(String tenant, Carry carry);

    /** The instructions the remessa stored under this key carries; empty for a remessa no run wrote. */
    Optional<Carry> carryOf(String tenant, String objectKey);

    /** What a run noted it was about to store for a group; empty when it died before that. */
    Optional<Carry> carryOfRun(String tenant, String runId, String groupKey);

    /**
     * Writes the instruction as {@code after} (the bank's answer added, {@code SETTLED}) only if it is still as
     * {@code before} was read (status, remessa, number of answers), and the event in the outbox in the same
     * transaction (its sequence is the number of answers after): of two settlings at once one is written.
     *
     * @return false when the instruction changed meanwhile (nothing is written)
     */
    boolean settle(String tenant, PendingInstruction before, PendingInstruction after, ChangeEvent event);

    /** The tenants that had a pending instruction (one query of a small index partition, never a Scan). */
    List<String> tenantsWithPending();

    /** Takes the tenant off that list, unless an instruction was created after {@code quietSince}. */
    void forgetTenant(String tenant, Instant quietSince);
}
