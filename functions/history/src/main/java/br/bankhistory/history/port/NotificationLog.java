package br.bankhistory.history.port;

import java.time.Instant;
import java.util.Optional;

/**
 * The admin email of each record, exactly once: claimed (pending, with a lease) before sending, marked sent
 * with the provider's message id after. A claim whose lease ran out (its sender died) may be taken over.
 */
public interface NotificationLog {

    /**
     * {@code UNCERTAIN}: the send timed out after the request went out; SES may have delivered it, so it is never
     * sent again automatically (the record says so).
     */
    enum State { PENDING, SENT, NO_RECIPIENTS, UNCERTAIN }

    /**
     * Claims the email of a record for this sender until {@code leaseUntil}.
     *
     * @return true when this sender now holds the claim; false when it was sent already (or may have been), or
     *         another sender holds a live claim
     */
    boolean claim(String tenant, String recordId, Instant now, Instant leaseUntil);

    /** Gives up a claim after a failed send, so the next delivery takes it over at once. */
    void release(String tenant, String recordId, Instant at);

    void markSent(String tenant, String recordId, String messageId, int recipients, Instant at);

    void markNoRecipients(String tenant, String recordId, Instant at);

    void markUncertain(String tenant, String recordId, Instant at);

    Optional<Entry> find(String tenant, String recordId);

    record Entry(State state, String messageId, int recipients, Instant at) {
    }
}
