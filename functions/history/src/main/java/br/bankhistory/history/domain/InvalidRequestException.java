package br.bankhistory.history.domain;

/** A request a use case refuses as it is (HTTP 400); the message is pt-BR, for the user. */
public final class InvalidRequestException extends RuntimeException {

    public InvalidRequestException(String messagePt) {
        super(messagePt);
    }
}
