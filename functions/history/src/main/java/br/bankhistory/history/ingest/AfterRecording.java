package br.bankhistory.history.ingest;

import br.bankhistory.history.domain.IntegrationRecord;

/**
 * What follows the recording of a file, each step safe to repeat, so any delivery (or a release, or a
 * reprocessing) runs them and a run that died half-way is completed by the next: note which remessa carries
 * each title to the bank, link a retorno's titles to the remessas that sent them, email the admins.
 */
public final class AfterRecording {

    private final ClaimRemessaTitles claimTitles;
    private final ReconcileRetorno reconcile;
    private final NotifyAdmins notify;

    public AfterRecording(ClaimRemessaTitles claimTitles, ReconcileRetorno reconcile, NotifyAdmins notify) {
        this.claimTitles = claimTitles;
        this.reconcile = reconcile;
        this.notify = notify;
    }

    public void run(IntegrationRecord record) {
        claimTitles.claim(record);
        reconcile.reconcile(record);
        notify.notify(record);
    }
}
