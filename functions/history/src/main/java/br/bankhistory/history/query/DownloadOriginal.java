package br.bankhistory.history.query;

import br.bankhistory.history.domain.RecordIds;
import br.bankhistory.history.port.FileStore;
import br.bankhistory.history.port.RecordStore;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** A short-lived link to the exact original bytes of a record, saved under the original file name. */
public final class DownloadOriginal {

    /** CNAB files are latin-1 text; the bytes are served exactly as they were received. */
    private static final String ORIGINAL_TYPE = "text/plain; charset=ISO-8859-1";

    private final RecordStore records;
    private final FileStore files;
    private final Duration ttl;

    public DownloadOriginal(RecordStore records, FileStore files, Duration ttl) {
        this.records = records;
        this.files = files;
        this.ttl = ttl;
    }

    /** Empty when the tenant has no such record (another tenant's id included). */
    public Optional<URI> link(String tenant, String recordId) {
        if (!RecordIds.isValid(recordId)) {
            return Optional.empty();
        }
        return records.find(tenant, recordId)
                .map(record -> files.presignDownload(record.objectKey(), record.fileName(), ORIGINAL_TYPE, true, ttl));
    }
}
