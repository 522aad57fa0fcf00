package br.bankhistory.history.domain;

/** The caller is known but not allowed to do this (HTTP 403); the message is pt-BR. */
public final class ForbiddenException extends RuntimeException {

    public ForbiddenException(String messagePt) {
        super(messagePt);
    }
}
