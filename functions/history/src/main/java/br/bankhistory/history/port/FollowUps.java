package br.bankhistory.history.port;

/**
 * Work that follows a decision on a record and is too long or too far-reaching for the request that made it
 * (a released file's processing: its titles claimed, its reconciliation, its email), handed to the FollowUp
 * function through a queue. At least once: what it runs is idempotent.
 */
public interface FollowUps {

    /** Asks for the steps that follow the recording of a file to run (again) on this record. */
    void processRecord(String tenant, String recordId, String why);
}
