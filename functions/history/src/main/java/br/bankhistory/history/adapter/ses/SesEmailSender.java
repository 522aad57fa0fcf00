package br.bankhistory.history.adapter.ses;

import br.bankhistory.history.notify.AdminEmail;
import br.bankhistory.history.notify.EmailSendException;
import br.bankhistory.history.notify.EmailSender;
import br.bankhistory.history.notify.MimeMessages;

import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.BadRequestException;
import software.amazon.awssdk.services.sesv2.model.Destination;
import software.amazon.awssdk.services.sesv2.model.EmailContent;
import software.amazon.awssdk.services.sesv2.model.MessageRejectedException;
import software.amazon.awssdk.services.sesv2.model.RawMessage;
import software.amazon.awssdk.services.sesv2.model.SendEmailRequest;

import java.util.Objects;
import java.util.Optional;

/**
 * Sends admin emails through SESv2 {@code SendEmail} with raw MIME content built by {@link MimeMessages}.
 * The envelope sender is the configured From address (an SES-verified identity); the recipients are given
 * as the destination. The client makes one attempt with a bounded time (docs/operations.md, "Exactly once"):
 * a failure says whether SES surely did not take the message, refused it, or may have taken it.
 */
public final class SesEmailSender implements EmailSender {

    /** SESv2's limit for a whole message, after MIME encoding. */
    public static final long SES_MAX_MESSAGE_BYTES = 40L * 1024 * 1024;

    private final SesV2Client ses;
    private final MimeMessages mime;
    private final Optional<String> configurationSet;

    /**
     * @param ses              the SESv2 client (its retry and timeout configuration apply)
     * @param mime             builds the raw message; its From address is the sender
     * @param configurationSet the SES configuration set for event publishing, or empty
     */
    public SesEmailSender(SesV2Client ses, MimeMessages mime, Optional<String> configurationSet) {
        this.ses = Objects.requireNonNull(ses, "ses");
        this.mime = Objects.requireNonNull(mime, "mime");
        this.configurationSet = Objects.requireNonNull(configurationSet, "configurationSet").filter(s -> !s.isBlank());
    }

    @Override
    public Prepared prepare(AdminEmail email) {
        byte[] raw = mime.toBytes(email);
        if (raw.length > SES_MAX_MESSAGE_BYTES) {
            throw new EmailSendException("the message has " + raw.length + " bytes, over SES's limit of "
                    + SES_MAX_MESSAGE_BYTES, EmailSendException.Outcome.REJECTED, null);
        }
        return new Prepared(email, raw);
    }

    @Override
    public String send(Prepared prepared) {
        AdminEmail email = prepared.email();
        byte[] raw = prepared.raw();
        SendEmailRequest.Builder request = SendEmailRequest.builder()
                .fromEmailAddress(mime.from().getAddress())
                .destination(Destination.builder().toAddresses(email.recipients()).build())
                .content(EmailContent.builder()
                        .raw(RawMessage.builder().data(SdkBytes.fromByteArrayUnsafe(raw)).build())
                        .build());
        configurationSet.ifPresent(request::configurationSetName);
        try {
            String messageId = ses.sendEmail(request.build()).messageId();
            if (messageId == null || messageId.isBlank()) {
                throw new EmailSendException("SES accepted the message without a message id",
                        EmailSendException.Outcome.UNKNOWN, null);
            }
            return messageId;
        } catch (MessageRejectedException | BadRequestException e) {
            throw new EmailSendException("SES rejected the email: " + e.getMessage(),
                    EmailSendException.Outcome.REJECTED, e);
        } catch (SdkServiceException e) {
            // SES answered with an error (throttling, a paused account, a 5xx): it did not take the message
            throw new EmailSendException("SES did not accept the email: " + e.getMessage(),
                    EmailSendException.Outcome.NOT_SENT, e);
        } catch (SdkException e) {
            throw new EmailSendException("SES did not answer: " + e.getMessage(), neverSent(e)
                    ? EmailSendException.Outcome.NOT_SENT : EmailSendException.Outcome.UNKNOWN, e);
        }
    }

    /** A connection that was never made carried nothing: anything else may have reached SES. */
    private static boolean neverSent(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.net.ConnectException || t instanceof java.net.UnknownHostException
                    || t instanceof java.net.NoRouteToHostException) {
                return true;
            }
        }
        return false;
    }
}
