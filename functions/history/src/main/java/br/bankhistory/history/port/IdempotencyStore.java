package br.bankhistory.history.port;

import java.time.Instant;

/**
 * The requests made with an {@code Idempotency-Key}, per tenant: claimed (in progress, with a short expiry)
 * before the request acts, completed with its answer after, so a repetition gets that answer and a concurrent
 * one is told to wait. See docs/operations.md, "Idempotency-Key".
 */
public interface IdempotencyStore {

    /**
     * Claims the key for the request with this fingerprint, unless a live entry holds it: a completed one
     * (not past {@code expiresAt}) or one in progress (not past its own expiry). Expired entries count as
     * absent.
     */
    Claim claim(String tenant, String key, String fingerprint, Instant now, Instant inProgressUntil,
                Instant expiresAt);

    /** Completes the claim this request holds with its answer. */
    void complete(String tenant, String key, String fingerprint, Answer answer, Instant expiresAt);

    /** Gives the claim up (the request failed on the server's side), so a repetition acts anew. */
    void release(String tenant, String key, String fingerprint);

    /** What a claim found. */
    sealed interface Claim {
        /** The key is this request's now: act, then complete or release. */
        record Acquired() implements Claim { }

        /** The same request is being handled by another call until {@code until}. */
        record InProgress(Instant until) implements Claim { }

        /** The same request was answered before: give that answer again. */
        record Completed(Answer answer) implements Claim { }

        /** The key was used for another request (another route, record, caller or body). */
        record Mismatch() implements Claim { }
    }

    /** The answer given to a request: its HTTP status and body. */
    record Answer(int status, String body) {
    }
}
