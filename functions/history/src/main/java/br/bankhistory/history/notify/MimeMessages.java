package br.bankhistory.history.notify;

import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.util.ByteArrayDataSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Properties;

/**
 * Turns an {@link AdminEmail} into a raw MIME message (RFC 5322) with Jakarta Mail:
 *
 * <pre>
 * multipart/mixed
 * ├── multipart/alternative
 * │   ├── text/plain; charset=UTF-8
 * │   └── text/html; charset=UTF-8
 * └── one part per attachment (Content-Disposition: attachment; base64; exact bytes)
 * </pre>
 *
 * The subject and the From display name are RFC 2047 encoded, non-ASCII file names RFC 2231 encoded. The
 * message is marked {@code Auto-Submitted: auto-generated} so that out-of-office replies are not sent back.
 */
public final class MimeMessages {

    /** Used when no sender is configured; replace it with an address of a verified SES identity. */
    public static final String DEFAULT_FROM = "Histórico Bancário <no-reply@example.com>";
    /** Names the record a message is about, for support and for tracing a message back to the history. */
    public static final String RECORD_HEADER = "X-Bank-History-Record";

    private final InternetAddress from;
    private final Session session;
    private final Clock clock;

    /** @param from the sender, e.g. {@code Histórico Bancário <no-reply@empresa.com.br>} */
    public MimeMessages(String from) {
        this(from, Clock.systemUTC());
    }

    public MimeMessages(String from, Clock clock) {
        this.from = parseFrom(from);
        this.clock = Objects.requireNonNull(clock, "clock");
        Properties properties = new Properties();
        // Message-ID is made from mail.from: no host name lookup (slow or failing on Lambda)
        properties.setProperty("mail.from", this.from.getAddress());
        properties.setProperty("mail.mime.charset", "UTF-8");
        this.session = Session.getInstance(properties);
    }

    /** The sender (address and display name). */
    public InternetAddress from() {
        return from;
    }

    /** The session messages are built with; also the one to parse them back with. */
    public Session session() {
        return session;
    }

    /** The message, built and with its headers updated, ready to be written. */
    public MimeMessage toMessage(AdminEmail email) {
        try {
            MimeMessage message = new MimeMessage(session);
            message.setFrom(from);
            message.setRecipients(Message.RecipientType.TO, addresses(email.recipients()));
            message.setSubject(email.subject(), "UTF-8");
            message.setSentDate(Date.from(clock.instant()));
            message.setHeader("Content-Language", "pt-BR");
            message.setHeader("Auto-Submitted", "auto-generated");
            message.setHeader("X-Auto-Response-Suppress", "All");
            message.setHeader(RECORD_HEADER, MimeUtility.fold(RECORD_HEADER.length() + 2,
                    headerSafe(email.tenant()) + "/" + headerSafe(email.recordId())));

            MimeMultipart alternative = new MimeMultipart("alternative");
            MimeBodyPart text = new MimeBodyPart();
            text.setText(crlf(email.textBody()), "UTF-8", "plain");
            alternative.addBodyPart(text);
            MimeBodyPart html = new MimeBodyPart();
            html.setText(crlf(email.htmlBody()), "UTF-8", "html");
            alternative.addBodyPart(html);
            MimeBodyPart bodies = new MimeBodyPart();
            bodies.setContent(alternative);

            MimeMultipart mixed = new MimeMultipart("mixed");
            mixed.addBodyPart(bodies);
            for (AdminEmail.Attachment attachment : email.attachments()) {
                mixed.addBodyPart(attachmentPart(attachment));
            }
            message.setContent(mixed);
            message.saveChanges();
            return message;
        } catch (MessagingException e) {
            throw new IllegalStateException("could not build the MIME message: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read an attachment: " + e.getMessage(), e);
        }
    }

    /** The raw message bytes (CRLF line ends), as SES's raw content wants them. */
    public byte[] toBytes(AdminEmail email) {
        MimeMessage message = toMessage(email);
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream(estimatedSize(email));
            message.writeTo(out);
            return out.toByteArray();
        } catch (MessagingException e) {
            throw new IllegalStateException("could not write the MIME message: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the MIME message: " + e.getMessage(), e);
        }
    }

    /**
     * About how large the encoded message will be: base64 makes 4 characters of 3 bytes plus CRLF every 76,
     * the bodies are quoted-printable (up to 3 bytes per non-ASCII byte; counted generously).
     */
    public static long estimatedEncodedBytes(AdminEmail email) {
        long attachments = 0;
        for (AdminEmail.Attachment a : email.attachments()) {
            long base64 = (a.content().sizeBytes() + 2) / 3 * 4;
            attachments += base64 + base64 / 76 * 2 + 512;
        }
        long bodies = 2L * (email.textBody().length() + email.htmlBody().length());
        return attachments + bodies + 4096;
    }

    private static MimeBodyPart attachmentPart(AdminEmail.Attachment attachment)
            throws MessagingException, IOException {
        byte[] bytes = attachment.content().readAll();
        MimeBodyPart part = new MimeBodyPart();
        part.setDataHandler(new DataHandler(new ByteArrayDataSource(bytes, attachment.contentType())));
        part.setDisposition(MimeBodyPart.ATTACHMENT);
        part.setFileName(attachment.fileName());
        // always base64, also for text/plain: the exact bytes (latin-1, CRLF, trailing spaces) must survive
        part.setHeader("Content-Transfer-Encoding", "base64");
        return part;
    }

    private static InternetAddress[] addresses(List<String> recipients) throws AddressException {
        InternetAddress[] out = new InternetAddress[recipients.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = new InternetAddress(recipients.get(i), true);
        }
        return out;
    }

    private static InternetAddress parseFrom(String from) {
        Objects.requireNonNull(from, "from");
        try {
            InternetAddress parsed = new InternetAddress(from.strip(), true);
            parsed.validate();
            String address = parsed.getAddress();
            if (!address.chars().allMatch(c -> c > 32 && c < 127) || address.indexOf('@') <= 0) {
                throw new IllegalArgumentException("the sender address must be plain ASCII local@domain: " + from);
            }
            String personal = parsed.getPersonal();
            return personal == null || personal.isBlank()
                    ? new InternetAddress(address)
                    : new InternetAddress(address, personal.strip(), StandardCharsets.UTF_8.name());
        } catch (AddressException | UnsupportedEncodingException e) {
            throw new IllegalArgumentException("not a sender address: " + from, e);
        }
    }

    /** Bare LF (and lone CR) become CRLF, the line end MIME text parts are written with. */
    private static String crlf(String value) {
        return value.replace("\r\n", "\n").replace('\r', '\n').replace("\n", "\r\n");
    }

    private static String headerSafe(String value) {
        return PtBr.clean(value).replaceAll("[^\\x21-\\x7e]", "_");
    }

    private static int estimatedSize(AdminEmail email) {
        return (int) Math.min(Integer.MAX_VALUE - 16, estimatedEncodedBytes(email));
    }
}
