package br.bankhistory.history.notify;

import java.util.List;
import java.util.Objects;

/**
 * An email to a company's admins, exactly as it is meant to be sent, independent of the provider.
 *
 * @param purpose     why it is sent (for bookkeeping, metrics and logs)
 * @param tenant      the company it belongs to
 * @param recordId    the history record it is about (for a duplicate notice: the duplicate's first record)
 * @param recipients  the admins' addresses (To), at least one, no duplicates
 * @param subject     one line, no control characters
 * @param textBody    the plain-text alternative
 * @param htmlBody    the HTML alternative (already escaped)
 * @param attachments what is attached, possibly nothing
 */
public record AdminEmail(Purpose purpose, String tenant, String recordId, List<String> recipients, String subject,
                         String textBody, String htmlBody, List<Attachment> attachments) {

    /** SES accepts at most 50 recipients per message. */
    public static final int MAX_RECIPIENTS = 50;

    /** Why an email is sent. */
    public enum Purpose {
        /** An automatic file was read and recorded. */
        FILE_PROCESSED,
        /** An automatic file could not be processed (status rejected or "other bank file"). */
        FILE_FAILED,
        /** The same bytes arrived again; a short notice pointing at the first record. */
        DUPLICATE_NOTICE,
        /**
         * An automatic file was held, until an admin decides: as a possible duplicate of an earlier one, or as an
         * incomplete retorno.
         */
        FILE_HELD,
        /** A remessa the service generated waits for an approver's decision. */
        APPROVAL_REQUESTED
    }

    /**
     * One attached file.
     *
     * @param fileName    the name the admins see (no path, no control characters)
     * @param contentType the full MIME type, e.g. {@code text/plain; charset=ISO-8859-1}
     * @param content     the exact bytes, read when the message is written
     */
    public record Attachment(String fileName, String contentType, FileBytes content) {

        public Attachment {
            requireText(fileName, "fileName");
            requireText(contentType, "contentType");
            Objects.requireNonNull(content, "content");
        }

        public static Attachment of(String fileName, String contentType, byte[] bytes) {
            return new Attachment(fileName, contentType, FileBytes.of(bytes));
        }
    }

    public AdminEmail {
        Objects.requireNonNull(purpose, "purpose");
        requireText(tenant, "tenant");
        requireText(recordId, "recordId");
        requireText(subject, "subject");
        Objects.requireNonNull(textBody, "textBody");
        Objects.requireNonNull(htmlBody, "htmlBody");
        recipients = List.copyOf(recipients);
        if (recipients.isEmpty()) {
            throw new IllegalArgumentException("an email needs at least one recipient");
        }
        if (recipients.size() > MAX_RECIPIENTS) {
            throw new IllegalArgumentException("at most " + MAX_RECIPIENTS + " recipients per email, got "
                    + recipients.size());
        }
        if (subject.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("the subject must be one line without control characters");
        }
        attachments = List.copyOf(attachments);
    }

    /** The total size of the attached files, before MIME encoding. */
    public long attachmentBytes() {
        return attachments.stream().mapToLong(a -> a.content().sizeBytes()).sum();
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
    }
}
