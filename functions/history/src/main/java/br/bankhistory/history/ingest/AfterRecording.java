package br.bankhistory.history.ingest;

import br.bankhistory.history.domain.IntegrationRecord;

/**
 * What follows the recording of a file, each step safe to repeat, so any delivery (or a release, or a
 * reprocessing) runs them and a run that died half-way is completed by the next: note which remessa carries
 * each title to the bank, apply a retorno (its titles linked to the remessas that sent them, events reported before marked),
 * match the cobrança credits of an extrato and of a retorno, email the admins, email the approvers of a remessa waiting
 * for approval.
 */
public final class AfterRecording {

    private final ClaimRemessaTitles claimTitles;
    private final ApplyRetorno apply;
    private final MatchCredits credits;
    private final NotifyAdmins notify;
    private final NotifyApprovers approvers;

    public AfterRecording(ClaimRemessaTitles claimTitles, ApplyRetorno apply, MatchCredits credits,
                          NotifyAdmins notify, NotifyApprovers approvers) {
        this.claimTitles = claimTitles;
        this.apply = apply;
        this.credits = credits;
        this.notify = notify;
        this.approvers = approvers;
    }

    public void run(IntegrationRecord record) {
        claimTitles.claim(record);
        apply.apply(record);
        credits.match(record);
        notify.notify(record);
        approvers.notify(record);
    }
}
