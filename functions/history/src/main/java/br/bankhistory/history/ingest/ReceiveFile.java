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
    private final ClaimRemessaTitles claimTitles;
    private final ReconcileRetorno reconcile;
    private final NotifyAdmins notify;
    private final RecordStore records;
    private final Metrics metrics;

    public ReceiveFile(IngestFile ingest, ClaimRemessaTitles claimTitles, ReconcileRetorno reconcile,
                       NotifyAdmins notify, RecordStore records, Metrics metrics) {
        this.ingest = ingest;
        this.claimTitles = claimTitles;
        this.reconcile = reconcile;
        this.notify = notify;
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
        claimTitles.claim(record);
        reconcile.reconcile(record);
        notify.notify(record);
    }
}
