package br.bankhistory.history.port;

/**
 * The file sequence numbers (NSA) per bank account and direction ({@link
 * br.bankhistory.history.domain.Accounts#sequenceKey}): the ones seen in files, to tell gaps and repeats
 * apart from the expected next number, and the ones this service issued to the remessas it generates.
 */
public interface SequenceLog {

    /** The highest NSA known for the account: seen in a file or issued here; 0 when none. */
    long last(String tenant, String accountKey);

    /**
     * Issues {@code next} for the account if the highest NSA known is still {@code expectedLast} (an atomic
     * compare-and-set: of two concurrent generations, one issues, the other reads again).
     *
     * @return false when another file or generation moved it meanwhile
     */
    boolean issue(String tenant, String accountKey, long expectedLast, long next);

    /** Takes back {@code issued} (a remessa that was never stored), if nothing was issued or seen after it. */
    void takeBack(String tenant, String accountKey, long issued);

    /** Notes that {@code recordId} carries {@code nsa} for the account; says how it relates to what was seen. */
    Observation observe(String tenant, String accountKey, long nsa, String recordId);

    enum Kind { FIRST, NEXT, GAP, REPEATED }

    /** @param previous the highest number seen before, 0 when none */
    record Observation(Kind kind, long previous) {
    }
}
