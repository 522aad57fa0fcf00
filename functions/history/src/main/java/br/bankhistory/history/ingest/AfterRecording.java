package br.bankhistory.history.ingest;

import br.bankhistory.history.domain.IntegrationRecord;

/**
 * What follows the recording of a file, each step safe to repeat, so any delivery (or a release, or a
 * reprocessing) runs them and a run that died half-way is completed by the next: note which remessa carries
 * each title to the bank, apply a retorno (its titles linked to the remessas that sent them, events reported before marked), email
 * the admins, email the approvers of a remessa waiting for approval.
 */
public final class AfterRecording {

    private final ClaimRemessaTitles claimTitles;
    private final ApplyRetorno apply;
    private final NotifyAdmins notify;
    private final NotifyApprovers approvers;

    public AfterRecording(ClaimRemessaTitles claimTitles, ApplyRetorno apply, NotifyAdmins notify,
                          NotifyApprovers approvers) {
        this.claimTitles = claimTitles;
        this.apply = apply;
        this.notify = notify;
        this.approvers = approvers;
    }

    public void run(IntegrationRecord record) {
        claimTitles.claim(record);
        apply.apply(record);
        notify.notify(record);
        approvers.notify(record);
    }
}
