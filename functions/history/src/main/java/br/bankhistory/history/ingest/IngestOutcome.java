package br.bankhistory.history.ingest;

import br.bankhistory.history.domain.RecordStatus;

/** What one delivery of one object led to. */
public sealed interface IngestOutcome {

    /** A new record was written. */
    record Recorded(String tenant, String recordId, RecordStatus status) implements IngestOutcome {
    }

    /** This object had been recorded by an earlier (or concurrent) delivery: nothing was written. */
    record AlreadyRecorded(String tenant, String recordId) implements IngestOutcome {
    }

    /** The key is not one the service accepts (wrong bucket, prefix or shape): nothing was written. */
    record Ignored(String reason) implements IngestOutcome {
    }
}
