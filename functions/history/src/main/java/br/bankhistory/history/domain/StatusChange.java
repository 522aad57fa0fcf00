package br.bankhistory.history.domain;

import java.time.Instant;

/** One entry of a record's status history: who moved it where, when and why (audit). */
public record StatusChange(Instant at, RecordStatus from, RecordStatus to, String byUserId, String byUserName,
                           String reason) {
}
