package br.bankhistory.history.domain;

/**
 * A request a use case refuses as it is (HTTP 400); the message is pt-BR, for the user. A refusal a client
 * may act on by itself also carries a stable code (the problem's {@code code}, e.g. {@code UNSUPPORTED_INSTRUCTION}).
 */
public final class InvalidRequestException extends RuntimeException {

    private final String code;

    public InvalidRequestException(String messagePt) {
        this(messagePt, "");
    }

    public InvalidRequestException(String messagePt, String code) {
        super(messagePt);
        this.code = code == null ? "" : code;
    }

    /** The refusal's code, or empty when the message alone says it. */
    public String code() {
        return code;
    }
}
