package br.bankhistory.history.notify;

/**
 * An email the provider did not confirm.
 *
 * <p>{@link #outcome()} says what is known: {@code NOT_SENT} (the request never reached the provider, or it
 * answered with an error: send again later), {@code REJECTED} (it refused this message for good: record it and
 * alert, never retry) or {@code UNKNOWN} (the request went out and no answer came back in time: it may have
 * been sent; sending it again could deliver it twice).
 */
public final class EmailSendException extends RuntimeException {

    public enum Outcome { NOT_SENT, REJECTED, UNKNOWN }

    private final Outcome outcome;

    public EmailSendException(String message, Outcome outcome, Throwable cause) {
        super(message, cause);
        this.outcome = outcome;
    }

    public Outcome outcome() {
        return outcome;
    }

    /** Sending the same email again will fail the same way. */
    public boolean permanent() {
        return outcome == Outcome.REJECTED;
    }
}
