package br.bankhistory.history.command;

import br.bankhistory.history.domain.RemessaSchedule;
import br.bankhistory.history.port.Leases;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The slots of the scheduled remessas (docs/remessa-lifecycle.md, "Pending instructions and scheduled remessas"):
 * a tenant's account runs when its day and time have come, once per slot. Taking a slot is one conditional write
 * per tenant, account and slot (the lease {@code slot#{account}#{yyyy-MM-ddTHH:mm}}): held for the run's lease
 * while the account's groups run, then kept for {@link #KEPT}, so of two invocations at once one runs the slot,
 * a later invocation of the same day finds it run, and a run that died leaves it to the next invocation.
 */
final class ScheduleSlots {

    /** Longer than the day a slot is due in. */
    static final Duration KEPT = Duration.ofDays(8);

    enum State { NOT_DUE, TAKEN, ALREADY_RUN }

    /** @param lease the slot's lease name, when due */
    record Slot(State state, String lease) {
    }

    private final Leases leases;
    private final Clock clock;

    ScheduleSlots(Leases leases, Clock clock) {
        this.leases = leases;
        this.clock = clock;
    }

    /** @param accountKey bank/agency/account/REMESSA, as {@link RemessaSchedule.AccountTimes#accountKey()} */
    Slot take(String tenant, RemessaSchedule schedule, String accountKey, Instant at, String runId) {
        Optional<String> due = schedule.dueSlot(accountKey, at);
        if (due.isEmpty()) {
            return new Slot(State.NOT_DUE, "");
        }
        String lease = "slot#" + accountKey + "#" + due.get();
        Instant now = clock.instant();
        boolean taken = leases.acquire(tenant, lease, runId, now, now.plus(RunSchedule.LEASE));
        return new Slot(taken ? State.TAKEN : State.ALREADY_RUN, lease);
    }

    /** The slot ran: nobody runs it again. */
    void done(String tenant, Slot slot, String runId) {
        Instant now = clock.instant();
        leases.acquire(tenant, slot.lease(), runId, now, now.plus(KEPT));
    }
}
