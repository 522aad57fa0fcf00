package br.bankhistory.history.notify;

/**
 * The provider did not accept an email.
 *
 * <p>{@link #permanent()}: sending the same email again will fail the same way (the message was rejected,
 * an address or the request is invalid, it is too large); record it and alert, do not retry. Otherwise the
 * failure is operational or transient (throttling after the client's retries, network, service errors, an
 * unverified identity, a paused account): retry later (the event goes back to Lambda, then to the DLQ).
 */
public final class EmailSendException extends RuntimeException {

    private final boolean permanent;

    public EmailSendException(String message, boolean permanent, Throwable cause) {
        super(message, cause);
        this.permanent = permanent;
    }

    public boolean permanent() {
        return permanent;
    }
}
