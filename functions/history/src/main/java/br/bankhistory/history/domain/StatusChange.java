package br.bankhistory.history.domain;

import java.time.Instant;

/** One entry of a record's status history: who moved it where, when and why (audit). */
public record StatusChange(Instant at, RecordStatus from, RecordStatus to, String byUserId, String byUserName,
                           String reason) {

    /** The reason of every reprocessing: how a record's reprocessings are counted. */
    public static final String REPROCESSED = "Reprocessado com a versão atual do leitor";

    public static StatusChange reprocessing(Instant at, RecordStatus from, RecordStatus to, Identity by) {
        return new StatusChange(at, from, to, by.userId(), by.userName(), REPROCESSED);
    }

    public boolean isReprocessing() {
        return REPROCESSED.equals(reason);
    }
}
