package br.bankhistory.history.notify;

/**
 * Sends admin emails, in two steps, so that a claim on a record's email covers only the send itself (its
 * lease must outlive the longest send, docs/operations.md "Exactly once"): {@link #prepare} builds the
 * message as it will go out (attachments read, MIME encoded), {@link #send} hands it to the provider once.
 */
public interface EmailSender {

    /** The message as it will go out: built before the send is claimed. */
    Prepared prepare(AdminEmail email);

    /**
     * Sends the prepared message once: the provider's client does not retry it (a retry after a timeout could
     * deliver it twice); the caller decides what a failure means from {@link EmailSendException}.
     *
     * @return the provider's message id
     */
    String send(Prepared prepared);

    /** A message ready to go: its raw MIME bytes and recipients. */
    record Prepared(AdminEmail email, byte[] raw) {
    }
}
