package br.bankhistory.history.domain;

/** A file larger than the configured limit (HTTP 413); the message is pt-BR. */
public final class PayloadTooLargeException extends RuntimeException {

    public PayloadTooLargeException(String messagePt) {
        super(messagePt);
    }
}
