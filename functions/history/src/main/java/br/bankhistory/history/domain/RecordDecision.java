package br.bankhistory.history.domain;

/** A decision on a record to write: the record as it becomes, and the entry its status history gains. */
public record RecordDecision(IntegrationRecord next, StatusChange change) {
}
