package br.bankhistory.history.ingest;

import br.bankhistory.cnab.Severity;
import br.bankhistory.history.domain.FileKind;
import br.bankhistory.history.domain.IntegrationRecord;
import br.bankhistory.history.domain.Origin;
import br.bankhistory.history.domain.RecordStatus;
import br.bankhistory.history.domain.StatusChange;
import br.bankhistory.history.domain.StoredFinding;
import br.bankhistory.history.log.JsonLog;
import br.bankhistory.history.log.Metrics;
import br.bankhistory.history.notify.AdminEmail;
import br.bankhistory.history.notify.AdminEmailComposer;
import br.bankhistory.history.notify.EmailSendException;
import br.bankhistory.history.notify.EmailSender;
import br.bankhistory.history.notify.FileBytes;
import br.bankhistory.history.notify.Recipients;
import br.bankhistory.history.notify.RetornoHighlights;
import br.bankhistory.history.domain.CreditLink;
import br.bankhistory.history.domain.RecordCredits;
import br.bankhistory.history.port.CreditBook;
import br.bankhistory.history.port.FileStore;
import br.bankhistory.history.port.ItemStore;
import br.bankhistory.history.port.NotificationLog;
import br.bankhistory.history.port.RecordStore;
import br.bankhistory.history.port.SettingsStore;
import br.bankhistory.history.statement.PrepareStatement;

import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Emails a tenant's admins after an automatic retorno is recorded, or after an automatic file fails, exactly
 * once per record (docs/operations.md): the email is claimed with a lease, sent, then marked sent with SES's
 * message id. Any delivery of the same object calls this again, so an attempt that died before sending is
 * completed by the next one. Manual files and remessas the integration sent get no email.
 */
public final class NotifyAdmins {

    /** How much longer than the SES call's own limit a claim holds (the mark written after the answer). */
    static final Duration MARGIN = Duration.ofSeconds(10);

    private static final JsonLog LOG = JsonLog.of(NotifyAdmins.class);

    private final NotificationLog log;
    private final RecordStore records;
    private final SettingsStore settings;
    private final ReadHighlights highlights;
    private final FileStore files;
    private final PrepareStatement statements;
    private final AdminEmailComposer composer;
    private final EmailSender sender;
    private final Metrics metrics;
    private final Clock clock;
    /**
     * How long a claim holds: longer than the SES call can take (its timeout, with no client retry), so a
     * sender still waiting for SES is never taken over; shorter than Lambda's first retry delay (a minute),
     * so the retry of a sender that died finds it expired.
     */
    private final Duration lease;
    /** Where an extrato's cobrança credits were matched (none: the email does not tell). */
    private CreditBook credits = CreditBook.none();

    public NotifyAdmins(NotificationLog log, RecordStore records, SettingsStore settings, ItemStore items,
                        FileStore files,
                        PrepareStatement statements, AdminEmailComposer composer, EmailSender sender, Metrics metrics,
                        Clock clock, Duration sendTimeout) {
        this.lease = sendTimeout.plus(MARGIN);
        this.log = log;
        this.records = records;
        this.settings = settings;
        this.highlights = new ReadHighlights(items, records);
        this.files = files;
        this.statements = statements;
        this.composer = composer;
        this.sender = sender;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** The same use case telling, in an extrato's email, how many cobrança credits were matched. */
    public NotifyAdmins withCredits(CreditBook book) {
        this.credits = book;
        return this;
    }

    /** Whether this record gets an admin email at all. */
    public static boolean concerns(IntegrationRecord record) {
        if (record.origin() != Origin.AUTOMATIC || record.status() == RecordStatus.DUPLICATE) {
            return false; // duplicates: the admins were told about the first file (docs/operations.md)
        }
        boolean failed = record.status() == RecordStatus.REJECTED || record.status() == RecordStatus.OTHER_BANK_FILE
                || record.status() == RecordStatus.SUSPECT || record.status().held();
        return failed || (record.kind() != null && record.kind().fromBank());
    }

    public void notify(IntegrationRecord record) {
        if (!concerns(record)) {
            return;
        }
        String email = emailOf(record);
        if (log.find(record.tenant(), email).filter(e -> e.state() != NotificationLog.State.PENDING).isPresent()) {
            return; // sent already (or may have been), or nobody to send it to
        }
        Recipients recipients = Recipients.of(settings.notificationRecipients(record.tenant()));
        // Prepared first (statement rendered, attachments read, MIME built: the slow part), so that the claim
        // below covers only the send, whose time is bounded by the SES client's timeout.
        EmailSender.Prepared message = recipients.isEmpty() ? null : prepare(record, recipients);
        Instant now = clock.instant();
        if (!log.claim(record.tenant(), email, now, now.plus(lease))) {
            return; // sent already, or another delivery is sending it right now
        }
        if (message == null) {
            records.addFinding(record.tenant(), record.id(), new StoredFinding(Severity.WARNING.name(), 0, 0,
                    "NO_ADMIN_RECIPIENTS", "", "Nenhum administrador foi avisado por e-mail: a empresa não tem "
                    + "destinatários válidos cadastrados (Configurações > Notificações).",
                    "No admin was emailed: the company has no valid recipients (settings/notifications)."));
            log.markNoRecipients(record.tenant(), email, now);
            metrics.count("EmailsWithoutRecipients", 1);
            LOG.warn("notify.no_recipients", Map.of("tenant", record.tenant(), "recordId", record.id(),
                    "invalid", recipients.invalid().size()));
            return;
        }
        String messageId;
        try {
            messageId = sender.send(message);
        } catch (EmailSendException failed) {
            if (failed.outcome() == EmailSendException.Outcome.UNKNOWN) {
                uncertain(record, email, failed);
                return;
            }
            // Not sent (or refused): released at once, so the retry of this delivery sends it.
            log.release(record.tenant(), email, clock.instant());
            throw failed;
        }
        log.markSent(record.tenant(), email, messageId, recipients.forOneMessage().size(), clock.instant());
        metrics.count("EmailsSent", 1);
        LOG.info("notify.sent", Map.of("tenant", record.tenant(), "recordId", record.id(), "messageId", messageId,
                "recipients", recipients.forOneMessage().size()));
    }

    /**
     * The email a record's state is told in, once: a held file's when it is held, then (once released) the
     * processed one; each reprocessing's result gets one more.
     */
    private String emailOf(IntegrationRecord record) {
        if (record.status().held()) {
            return record.id() + "#HELD";
        }
        long reprocessings = records.statusHistory(record.tenant(), record.id()).stream()
                .filter(StatusChange::isReprocessing).count();
        return reprocessings == 0 ? record.id() : record.id() + "#R" + reprocessings;
    }

    private EmailSender.Prepared prepare(IntegrationRecord record, Recipients recipients) {
        String statementKey = statements.ensure(record);
        FileBytes original = object(record.objectKey(), record.sizeBytes());
        return sender.prepare(compose(record, recipients.forOneMessage(), original, object(statementKey, -1)));
    }

    /**
     * SES may have taken the message (the request went out, no answer came in time): sending it again could
     * deliver it twice, so it is not; the record says so, and a metric counts it (docs/operations.md).
     */
    private void uncertain(IntegrationRecord record, String email, EmailSendException failed) {
        log.markUncertain(record.tenant(), email, clock.instant());
        records.addFinding(record.tenant(), record.id(), new StoredFinding(Severity.WARNING.name(), 0, 0,
                "EMAIL_UNCERTAIN", "", "O envio do e-mail aos administradores não foi confirmado pelo provedor a "
                + "tempo: ele pode ter sido entregue. Para não duplicá-lo, não foi reenviado; confira a caixa de "
                + "entrada dos destinatários.",
                "The admin email was not confirmed in time and may have been delivered; it was not sent again."));
        metrics.count("EmailsUncertain", 1);
        LOG.warn("notify.uncertain", Map.of("tenant", record.tenant(), "recordId", record.id(),
                "error", String.valueOf(failed)));
    }

    /**
     * The email for the record as it is now: a retorno's reconciliation ran just before this and may have added
     * findings (titles of cancelled remessas) and moved repeated events apart, so it is read again (unless its
     * status moved meanwhile: then the email claimed is the one of the status given).
     */
    private AdminEmail compose(IntegrationRecord given, List<String> to, FileBytes original, FileBytes statement) {
        IntegrationRecord record = records.find(given.tenant(), given.id())
                .filter(now -> now.status() == given.status()).orElse(given);
        if (record.status() == RecordStatus.SUSPECT) {
            return composer.suspect(record, to, original, statement);
        }
        if (record.status() == RecordStatus.INCOMPLETE) {
            return composer.incomplete(record, to, original, statement);
        }
        if (record.status() == RecordStatus.POSSIBLE_DUPLICATE) {
            Optional<IntegrationRecord> first = record.findings().stream()
                    .filter(f -> f.code().equals("POSSIBLE_DUPLICATE")).findFirst()
                    .flatMap(f -> records.find(record.tenant(), f.field()));
            if (first.isPresent()) {
                return composer.held(record, first.get(), to, original, statement);
            }
        }
        RetornoHighlights seen = record.status() == RecordStatus.PROCESSED ? highlights.read(record)
                : RetornoHighlights.none();
        if (record.kind() == FileKind.EXTRATO && record.status() == RecordStatus.PROCESSED) {
            RecordCredits side = credits.credits(record.tenant(), record.id());
            long matched = side.count(CreditLink.Status.MATCHED);
            seen = seen.withCredits(matched, matched + side.count(CreditLink.Status.NOT_FOUND));
        }
        return composer.automatic(record, to, seen, original, statement);
    }

    /** An S3 object as an attachment, read only when the message is written. */
    private FileBytes object(String key, long knownSize) {
        long size = knownSize >= 0 ? knownSize : files.describe(key).sizeBytes();
        return new FileBytes(size, () -> {
            try (InputStream in = files.open(key)) {
                return in.readAllBytes();
            }
        });
    }
}
