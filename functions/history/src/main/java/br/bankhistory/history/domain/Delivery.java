package br.bankhistory.history.domain;

import java.time.Instant;

/**
 * A remessa's way to the bank (docs/remessa-lifecycle.md, "Delivery to the bank"): the facts users read (tries,
 * times, channel, remote path, the last failure) and what the delivery step needs to send it once (which try
 * holds it and since when, the transfer it started, when the next try may run).
 *
 * @param state         where the delivery stands; {@link State#NONE} for a record this service never delivers
 * @param attempts      tries made in the current round (an admin's new request starts a new round)
 * @param lastAttemptAt when the last try started
 * @param deliveredAt   when the file was known to be at the bank
 * @param destination   where it goes: the channel, its address and the remote path (fixed at the first try)
 * @param failureReason the last failure, in pt-BR; empty when none
 * @param claimId       the try that holds the delivery while {@link State#SENDING} or {@link State#TRANSFERRING}
 * @param claimedAt     when that try took it
 * @param transferId    the channel's id of a transfer it started (AWS Transfer Family), empty otherwise
 * @param nextAttemptAt when a try after a failure may run; null when at once
 */
public record Delivery(State state, int attempts, Instant lastAttemptAt, Instant deliveredAt, Destination destination,
                       String failureReason, String claimId, Instant claimedAt, String transferId,
                       Instant nextAttemptAt) {

    public enum State {
        /** Not delivered by this service (a person's remessa, a retorno, a file the integration sent itself). */
        NONE,
        /** To be delivered; no try under way (the first one, or the next after a failure). */
        WAITING,
        /** A try holds it: it is sending, or died sending (its outcome is then checked at the destination). */
        SENDING,
        /** The channel took the file and tells its outcome later (AWS Transfer Family's result event). */
        TRANSFERRING,
        /** At the bank. */
        DELIVERED,
        /** The last try failed. */
        FAILED
    }

    /**
     * Where a remessa goes.
     *
     * @param channel    {@code TRANSFER_FAMILY} or {@code LOCAL_FOLDER}
     * @param label      the channel as users read it (pt-BR)
     * @param address    the SFTP connector's id, or the local folder
     * @param remotePath the file's path at the destination (its directory and the remessa's own file name)
     */
    public record Destination(String channel, String label, String address, String remotePath) {
    }

    public static final Delivery NONE = new Delivery(State.NONE, 0, null, null, null, "", "", null, "", null);

    /** A remessa the service will deliver, before its first try. */
    public static final Delivery WAITING = new Delivery(State.WAITING, 0, null, null, null, "", "", null, "", null);

    public Delivery {
        state = state == null ? State.NONE : state;
        failureReason = failureReason == null ? "" : failureReason;
        claimId = claimId == null ? "" : claimId;
        transferId = transferId == null ? "" : transferId;
    }

    /** Whether a try holds the delivery now: its outcome is not known yet (a cancellation must wait for it). */
    public boolean inFlight() {
        return state == State.SENDING || state == State.TRANSFERRING;
    }

    /** Taken by try {@code id} at {@code now}, towards {@code to}: one more attempt. */
    public Delivery claimed(String id, Instant now, Destination to) {
        return new Delivery(State.SENDING, attempts + 1, now, null, destination == null ? to : destination,
                failureReason, id, now, "", null);
    }

    /** The channel took the file; its outcome comes later. */
    public Delivery transferring(String transfer) {
        return new Delivery(State.TRANSFERRING, attempts, lastAttemptAt, null, destination, failureReason, claimId,
                claimedAt, transfer, null);
    }

    public Delivery delivered(Instant at) {
        return new Delivery(State.DELIVERED, attempts, lastAttemptAt, at, destination, "", "", null, transferId, null);
    }

    /**
     * A try failed and another follows at {@code next}. The failed try's transfer id is kept until the next try: its
     * result may still come (after the destination was checked), and then it is recognised.
     */
    public Delivery retryAt(String reason, Instant next) {
        return new Delivery(State.WAITING, attempts, lastAttemptAt, null, destination, reason, "", null, transferId,
                next);
    }

    /** The last try failed (or none could be made). */
    public Delivery failed(String reason) {
        return new Delivery(State.FAILED, attempts, lastAttemptAt, null, destination, reason, "", null, transferId,
                null);
    }

    /** An admin asked for it again: a new round of tries, towards the destination the account has then. */
    public Delivery requestedAgain() {
        return new Delivery(State.WAITING, 0, lastAttemptAt, null, null, failureReason, "", null, "", null);
    }
}
