package br.bankhistory.history.domain;

/**
 * The work cannot be decided now but will be soon (another delivery is recording a file this one depends
 * on): the invocation fails so that it is retried, as Lambda does with asynchronous events.
 */
public final class RetryLaterException extends RuntimeException {

    public RetryLaterException(String message) {
        super(message);
    }
}
