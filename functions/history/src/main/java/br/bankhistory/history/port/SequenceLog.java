package br.bankhistory.history.port;

/**
 * The file sequence numbers (NSA) seen per bank account and direction, to tell gaps and repeats apart from
 * the expected next number.
 */
public interface SequenceLog {

    /** Notes that {@code recordId} carries {@code nsa} for the account; says how it relates to what was seen. */
    Observation observe(String tenant, String accountKey, long nsa, String recordId);

    enum Kind { FIRST, NEXT, GAP, REPEATED }

    /** @param previous the highest number seen before, 0 when none */
    record Observation(Kind kind, long previous) {
    }
}
