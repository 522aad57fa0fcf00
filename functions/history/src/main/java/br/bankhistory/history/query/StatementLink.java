package br.bankhistory.history.query;

import br.bankhistory.history.domain.RecordIds;
import br.bankhistory.history.port.FileStore;
import br.bankhistory.history.port.RecordStore;
import br.bankhistory.history.statement.PrepareStatement;
import br.bankhistory.history.statement.StatementRenderer;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** A short-lived link to a record's statement PDF, shown in the browser (inline). */
public final class StatementLink {

    private final RecordStore records;
    private final PrepareStatement statements;
    private final FileStore files;
    private final Duration ttl;

    public StatementLink(RecordStore records, PrepareStatement statements, FileStore files, Duration ttl) {
        this.records = records;
        this.statements = statements;
        this.files = files;
        this.ttl = ttl;
    }

    /** Empty when the tenant has no such record. */
    public Optional<URI> link(String tenant, String recordId) {
        if (!RecordIds.isValid(recordId)) {
            return Optional.empty();
        }
        return records.find(tenant, recordId).map(record -> files.presignDownload(statements.ensure(record),
                StatementRenderer.fileName(record), StatementRenderer.CONTENT_TYPE, false, ttl));
    }
}
