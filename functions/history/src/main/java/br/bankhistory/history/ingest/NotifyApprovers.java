package br.bankhistory.history.ingest;

import br.bankhistory.history.domain.ApprovalRules;
import br.bankhistory.history.domain.IntegrationRecord;
import br.bankhistory.history.domain.RecordStatus;
import br.bankhistory.history.log.JsonLog;
import br.bankhistory.history.notify.AdminEmailComposer;
import br.bankhistory.history.notify.EmailSendException;
import br.bankhistory.history.notify.EmailSender;
import br.bankhistory.history.port.NotificationLog;
import br.bankhistory.history.port.SettingsStore;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Emails each approver who may decide on a remessa waiting for approval (the tenant's approver group, less the
 * remessa's creators), one email per approver per remessa: each is claimed in the notification log
 * ({@code {recordId}#APPROVAL#{userId}}) before it is sent and marked sent after, as the admin emails are
 * (docs/operations.md), so any delivery of the object repeats this safely.
 */
public final class NotifyApprovers {

    private static final JsonLog LOG = JsonLog.of(NotifyApprovers.class);

    private final NotificationLog log;
    private final SettingsStore settings;
    private final AdminEmailComposer composer;
    private final EmailSender sender;
    private final Clock clock;
    private final Duration lease;

    public NotifyApprovers(NotificationLog log, SettingsStore settings, AdminEmailComposer composer,
                           EmailSender sender, Clock clock, Duration sendTimeout) {
        this.log = log;
        this.settings = settings;
        this.composer = composer;
        this.sender = sender;
        this.clock = clock;
        this.lease = sendTimeout.plus(NotifyAdmins.MARGIN);
    }

    public void notify(IntegrationRecord record) {
        if (record.status() != RecordStatus.AWAITING_APPROVAL) {
            return;
        }
        for (ApprovalRules.Approver approver : settings.approvalRules(record.tenant()).approvers()) {
            if (!record.approval().createdBy(approver.userId())) {
                send(record, approver);
            }
        }
    }

    private void send(IntegrationRecord record, ApprovalRules.Approver approver) {
        String email = record.id() + "#APPROVAL#" + approver.userId();
        if (log.find(record.tenant(), email).filter(e -> e.state() != NotificationLog.State.PENDING).isPresent()) {
            return;
        }
        EmailSender.Prepared message = sender.prepare(composer.approvalRequested(record, approver.email()));
        Instant now = clock.instant();
        if (!log.claim(record.tenant(), email, now, now.plus(lease))) {
            return; // sent already, or another delivery is sending it
        }
        String messageId;
        try {
            messageId = sender.send(message);
        } catch (EmailSendException failed) {
            if (failed.outcome() == EmailSendException.Outcome.UNKNOWN) {
                log.markUncertain(record.tenant(), email, clock.instant()); // never sent twice
                return;
            }
            log.release(record.tenant(), email, clock.instant());
            throw failed;
        }
        log.markSent(record.tenant(), email, messageId, 1, clock.instant());
        LOG.info("notify.approver", Map.of("tenant", record.tenant(), "recordId", record.id(),
                "approver", approver.userId(), "messageId", messageId));
    }
}
