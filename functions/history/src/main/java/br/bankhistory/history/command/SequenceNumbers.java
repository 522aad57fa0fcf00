package br.bankhistory.history.command;

import br.bankhistory.history.domain.ConflictException;
import br.bankhistory.history.port.SequenceLog;

/**
 * The NSA (file sequence number) of each remessa this service generates, issued per bank account with a
 * compare-and-set, so that generated remessas carry consecutive numbers and never one a file of the account
 * already carried (docs/remessa-lifecycle.md, "NSA").
 */
public final class SequenceNumbers {

    private static final int ATTEMPTS = 20;

    private final SequenceLog log;

    public SequenceNumbers(SequenceLog log) {
        this.log = log;
    }

    /**
     * Issues the account's next NSA, or {@code asked} when given (positive).
     *
     * @throws ConflictException when {@code asked} is at or below the last NSA of the account
     */
    public long issue(String tenant, String accountKey, long asked) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            long last = log.last(tenant, accountKey);
            if (asked > 0 && asked <= last) {
                throw new ConflictException("header.sequenceNumber: o NSA " + asked + " já foi usado nesta conta (o "
                        + "último é " + last + "); use " + (last + 1) + " ou omita o NSA para que o serviço o "
                        + "atribua.");
            }
            long next = asked > 0 ? asked : last + 1;
            if (log.issue(tenant, accountKey, last, next)) {
                return next;
            }
        }
        throw new ConflictException("Muitas remessas desta conta estão sendo geradas ao mesmo tempo; tente de novo.");
    }

    /** The NSA the account's next generated remessa gets. */
    public long next(String tenant, String accountKey) {
        return log.last(tenant, accountKey) + 1;
    }

    /** Takes back an NSA issued to a remessa that was never stored (if nothing came after it). */
    public void takeBack(String tenant, String accountKey, long issued) {
        log.takeBack(tenant, accountKey, issued);
    }
}
