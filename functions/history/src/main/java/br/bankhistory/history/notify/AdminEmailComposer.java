package br.bankhistory.history.notify;

import br.bankhistory.history.domain.IntegrationRecord;
import br.bankhistory.history.domain.RecordStatus;

import java.util.List;
import java.util.Objects;

/**
 * Writes the pt-BR emails the company's admins receive about automatic files, each saying what matters first:
 * the subject names the file and its outcome, the body's first lines what needs someone, then the record's
 * link, then the details. Pure: no I/O, no clock; the same inputs give the same email, so a retried send
 * carries the same content. One writer per kind of email, sharing {@link EmailLayout}:
 *
 * <ul>
 *   <li>{@link #processed}: a retorno was read and recorded ({@link RetornoEmail});</li>
 *   <li>{@link #failed}: a file was kept but could not be processed ({@link FailedEmail});</li>
 *   <li>{@link #suspect}: a file of an account the company has not registered ({@link SuspectEmail});</li>
 *   <li>{@link #held} and {@link #incomplete}: a file held until an admin decides ({@link HeldEmail});</li>
 *   <li>{@link #duplicate}: the same bytes arrived again ({@link DuplicateEmail}).</li>
 * </ul>
 *
 * <p>The original file (exact bytes, {@code text/plain; charset=ISO-8859-1}) and the statement PDF are
 * attached when their raw total is within {@code maxAttachmentBytes}; otherwise nothing is attached and the
 * body points at the record in the web page, which never expires (a presigned URL would).
 */
public final class AdminEmailComposer {

    /**
     * Raw attachment bytes allowed per email. SESv2 accepts messages up to 40 MB after MIME encoding; base64
     * with line breaks grows data by about 37%, so 25 MiB of files make about 34.2 MiB of message, leaving
     * room for the bodies and headers.
     */
    public static final long DEFAULT_MAX_ATTACHMENT_BYTES = 25L * 1024 * 1024;
    /** Subjects are kept shorter than 120 characters. */
    public static final int MAX_SUBJECT_LENGTH = 119;
    /** Rejected items listed in the body; the rest are counted ("e mais N"). */
    public static final int MAX_REJECTED_LINES = 50;
    /** Findings listed in the body; the rest are counted ("e mais N"). */
    public static final int MAX_FINDINGS = 20;
    public static final String TXT_CONTENT_TYPE = "text/plain; charset=ISO-8859-1";
    public static final String PDF_CONTENT_TYPE = "application/pdf";

    private final EmailLayout layout;
    private final RetornoEmail retorno;
    private final FailedEmail failure;
    private final SuspectEmail suspicion;
    private final HeldEmail hold;
    private final DuplicateEmail duplication;
    private final ApprovalEmail approval;

    /** @param webBaseUrl the history page's address, e.g. {@code https://historico.example.com} */
    public AdminEmailComposer(String webBaseUrl) {
        this(webBaseUrl, DEFAULT_MAX_ATTACHMENT_BYTES);
    }

    /**
     * @param webBaseUrl         the history page's address (http or https, no query or fragment)
     * @param maxAttachmentBytes raw bytes of attachments allowed per email; over it nothing is attached
     */
    public AdminEmailComposer(String webBaseUrl, long maxAttachmentBytes) {
        this.layout = new EmailLayout(webBaseUrl, maxAttachmentBytes);
        this.retorno = new RetornoEmail(layout);
        this.failure = new FailedEmail(layout);
        this.suspicion = new SuspectEmail(layout);
        this.hold = new HeldEmail(layout);
        this.duplication = new DuplicateEmail(layout);
        this.approval = new ApprovalEmail(layout);
    }

    /** A remessa waits for this approver's decision (status {@code AWAITING_APPROVAL}). */
    public AdminEmail approvalRequested(IntegrationRecord record, String approverEmail) {
        Objects.requireNonNull(record, "record");
        return approval.write(record, approverEmail);
    }

    public long maxAttachmentBytes() {
        return layout.maxAttachmentBytes();
    }

    /** The record's page: {@code {webBaseUrl}/#/integrations/{id}}. */
    public String recordLink(String recordId) {
        return layout.recordLink(recordId);
    }

    /**
     * The email for an automatic file, by its status: {@link #failed} when {@code REJECTED} or
     * {@code OTHER_BANK_FILE}, {@link #suspect} when {@code SUSPECT}, {@link #processed} otherwise.
     */
    public AdminEmail automatic(IntegrationRecord record, List<String> recipients, RetornoHighlights highlights,
                                FileBytes original, FileBytes statement) {
        Objects.requireNonNull(record, "record");
        if (isFailure(record.status())) {
            return failed(record, recipients, original, statement);
        }
        if (record.status() == RecordStatus.SUSPECT) {
            return suspect(record, recipients, original, statement);
        }
        return processed(record, recipients, highlights, original, statement);
    }

    /** {@link #automatic(IntegrationRecord, List, RetornoHighlights, FileBytes, FileBytes)} knowing only the rejected items. */
    public AdminEmail automatic(IntegrationRecord record, List<String> recipients, List<RejectedItemLine> rejected,
                                FileBytes original, FileBytes statement) {
        return automatic(record, recipients, RetornoHighlights.ofRejected(rejected), original, statement);
    }

    /**
     * An automatic retorno was processed.
     *
     * @param recipients the tenant's admin addresses (invalid ones are skipped, see {@link Recipients})
     * @param highlights what its items say that needs someone (rejected, cancelled remessas' titles, titles not
     *                   found); the rejected number announced is the larger of the lines given and the record's
     *                   rejected counts, so a caller may pass only the first lines of a huge file
     * @param original   the original bytes, or null when they are not to be attached
     * @param statement  the statement PDF, or null when there is none
     */
    public AdminEmail processed(IntegrationRecord record, List<String> recipients, RetornoHighlights highlights,
                                FileBytes original, FileBytes statement) {
        Objects.requireNonNull(record, "record");
        return retorno.write(record, recipients, highlights, original, statement);
    }

    /** {@link #processed(IntegrationRecord, List, RetornoHighlights, FileBytes, FileBytes)} knowing only the rejected items. */
    public AdminEmail processed(IntegrationRecord record, List<String> recipients, List<RejectedItemLine> rejected,
                                FileBytes original, FileBytes statement) {
        return processed(record, recipients, RetornoHighlights.ofRejected(rejected), original, statement);
    }

    /**
     * An automatic file was kept but not processed (status {@code REJECTED} or {@code OTHER_BANK_FILE}): why
     * (its first errors), what to do, then its findings (the first {@value #MAX_FINDINGS}).
     */
    public AdminEmail failed(IntegrationRecord record, List<String> recipients, FileBytes original,
                             FileBytes statement) {
        Objects.requireNonNull(record, "record");
        return failure.write(record, recipients, original, statement);
    }

    /** An automatic file names an account the company has not registered (status {@code SUSPECT}). */
    public AdminEmail suspect(IntegrationRecord record, List<String> recipients, FileBytes original,
                              FileBytes statement) {
        Objects.requireNonNull(record, "record");
        return suspicion.write(record, recipients, original, statement);
    }

    /**
     * An automatic file was held as a possible duplicate of {@code first} (status {@code POSSIBLE_DUPLICATE}):
     * why, what differs, and what the admin decides. Its TXT and statement are attached.
     */
    public AdminEmail held(IntegrationRecord record, IntegrationRecord first, List<String> recipients,
                           FileBytes original, FileBytes statement) {
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(first, "first");
        return hold.possibleDuplicate(record, first, recipients, original, statement);
    }

    /**
     * An automatic retorno arrived incomplete (status {@code INCOMPLETE}): kept, not processed nor reconciled,
     * so that nobody books half a file. Its TXT and statement are attached.
     */
    public AdminEmail incomplete(IntegrationRecord record, List<String> recipients, FileBytes original,
                                 FileBytes statement) {
        Objects.requireNonNull(record, "record");
        return hold.incomplete(record, recipients, original, statement);
    }

    /**
     * The same bytes arrived again for the same company and were not processed a second time: a short notice
     * pointing at the first record. No attachments.
     *
     * @param duplicate the record of the second arrival
     * @param first     the record of the first arrival
     */
    public AdminEmail duplicate(IntegrationRecord duplicate, IntegrationRecord first, List<String> recipients) {
        Objects.requireNonNull(duplicate, "duplicate");
        Objects.requireNonNull(first, "first");
        return duplication.write(duplicate, first, recipients);
    }

    /** {@code extrato-{name without extension}.pdf}, e.g. {@code extrato-RETORNO.pdf} for {@code RETORNO.RET}. */
    public static String statementFileName(String fileName) {
        return Attachments.statementFileName(fileName);
    }

    /** The statuses of a file that was kept but not processed. */
    public static boolean isFailure(RecordStatus status) {
        return status == RecordStatus.REJECTED || status == RecordStatus.OTHER_BANK_FILE;
    }
}
