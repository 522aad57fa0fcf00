package br.bankhistory.history.domain;

/** The request is valid but the record's state does not allow it (HTTP 409); the message is pt-BR. */
public final class ConflictException extends RuntimeException {

    public ConflictException(String messagePt) {
        super(messagePt);
    }
}
