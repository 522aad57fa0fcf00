package br.bankhistory.history.domain;

import java.util.Optional;

/**
 * A decision on a record to write: the record as it becomes, the entry its status history gains (none for a
 * change of its bookkeeping only, such as a delivery try taking the record), and the event other modules read
 * (written in the same transaction, its sequence the entry's position in the history).
 */
public record RecordDecision(IntegrationRecord next, Optional<StatusChange> change, Optional<ChangeEvent> event) {

    public RecordDecision {
        if (event.isPresent() && change.isEmpty()) {
            throw new IllegalArgumentException("an event is the event of a change in the status history");
        }
    }

    public RecordDecision(IntegrationRecord next, StatusChange change) {
        this(next, Optional.of(change), Optional.empty());
    }

    public RecordDecision(IntegrationRecord next, StatusChange change, ChangeEvent event) {
        this(next, Optional.of(change), Optional.of(event));
    }

    /** The record changes, its history does not. */
    public static RecordDecision quiet(IntegrationRecord next) {
        return new RecordDecision(next, Optional.empty(), Optional.empty());
    }
}
