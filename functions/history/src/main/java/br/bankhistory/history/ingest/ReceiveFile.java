package br.bankhistory.history.ingest;

import br.bankhistory.history.domain.IntegrationRecord;
import br.bankhistory.history.domain.RecordStatus;
import br.bankhistory.history.log.Metrics;
import br.bankhistory.history.port.RecordStore;

/**
 * What happens when the bucket tells of a new object: record it (exactly once), note which remessa carries
 * each title to the bank, link a retorno's titles to the remessas that sent them, then make sure its admin
 * email went out. Both steps are repeated safely on every delivery, so a delivery that died half-way is
 * completed by the next one.
 */
public final class ReceiveFile {

    private final IngestFile ingest;
    private final AfterRecording after;
    private final RecordStore records;
    private final Metrics metrics;

    public ReceiveFile(IngestFile ingest, AfterRecording after, RecordStore records, Metrics metrics) {
        this.ingest = ingest;
        this.after = after;
        this.records = records;
        this.metrics = metrics;
    }

    public IngestOutcome receive(DeliveredObject object) {
        IngestOutcome outcome = ingest.ingest(object);
        if (outcome instanceof IngestOutcome.Recorded recorded) {
            metrics.count("FilesRecorded", 1);
            if (recorded.status() == RecordStatus.REJECTED) {
                metrics.count("FilesRejected", 1);
            }
            records.find(recorded.tenant(), recorded.recordId()).ifPresent(record -> {
                metrics.count("ItemsRecorded", record.itemCount());
                afterRecorded(record);
            });
        } else if (outcome instanceof IngestOutcome.AlreadyRecorded again) {
            records.find(again.tenant(), again.recordId()).ifPresent(this::afterRecorded);
        } else {
            metrics.count("FilesIgnored", 1);
        }
        return outcome;
    }

    private void afterRecorded(IntegrationRecord record) {
        after.run(record);
    }
}
