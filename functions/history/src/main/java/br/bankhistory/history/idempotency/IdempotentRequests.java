package br.bankhistory.history.idempotency;

import br.bankhistory.history.port.IdempotencyStore;
import br.bankhistory.history.port.IdempotencyStore.Answer;
import br.bankhistory.history.port.IdempotencyStore.Claim;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.function.Supplier;

/**
 * Runs a mutating request at most once per {@code Idempotency-Key} (docs/operations.md, "Idempotency-Key"):
 * the key is claimed before the request acts; the answer (success or refusal) is kept for a day and given
 * again to every repetition; a repetition while the first is still running is told to retry; the same key
 * with another request (route, record, caller or body) is refused; a server error gives the key up so a
 * repetition acts anew. Every mutating route goes through here.
 */
public final class IdempotentRequests {

    /**
     * How long a claim holds when its request dies without completing or releasing it: longer than the Api
     * function's timeout (29 s), so a request still running is never taken over.
     */
    public static final Duration IN_PROGRESS_LEASE = Duration.ofSeconds(35);
    public static final Duration KEPT_FOR = Duration.ofHours(24);

    private final IdempotencyStore store;
    private final Clock clock;

    public IdempotentRequests(IdempotencyStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /**
     * One request as the key's owner sees it.
     *
     * @param route      the route key, e.g. {@code POST /integrations/{id}/cancel}
     * @param resourceId the path's id, empty when the route has none
     * @param body       the request body as received (its SHA-256 is part of the fingerprint)
     */
    public record Request(String tenant, String key, String route, String resourceId, String userId, String body) {

        /** What makes two requests the same one: route, record, caller and the body's SHA-256. */
        public String fingerprint() {
            String bodyHash = hex(sha256().digest((body == null ? "" : body).getBytes(StandardCharsets.UTF_8)));
            return hex(sha256().digest((route + "\n" + resourceId + "\n" + userId + "\n" + bodyHash)
                    .getBytes(StandardCharsets.UTF_8)));
        }
    }

    /** What became of a request. */
    public sealed interface Outcome {
        /** It acted now; this is its answer. */
        record Fresh(Answer answer) implements Outcome { }

        /** It was answered before; this is the first answer. */
        record Replayed(Answer answer) implements Outcome { }

        /** The same request is still running elsewhere: retry after this long. */
        record InProgress(Duration retryAfter) implements Outcome { }

        /** The key belongs to another request. */
        record KeyReused() implements Outcome { }
    }

    public Outcome run(Request request, Supplier<Answer> action) {
        String fingerprint = request.fingerprint();
        Instant now = clock.instant();
        Claim claim = store.claim(request.tenant(), request.key(), fingerprint, now, now.plus(IN_PROGRESS_LEASE),
                now.plus(KEPT_FOR));
        if (claim instanceof Claim.Completed completed) {
            return new Outcome.Replayed(completed.answer());
        }
        if (claim instanceof Claim.InProgress running) {
            Duration left = Duration.between(now, running.until());
            return new Outcome.InProgress(left.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : left);
        }
        if (claim instanceof Claim.Mismatch) {
            return new Outcome.KeyReused();
        }
        Answer answer;
        try {
            answer = action.get();
        } catch (RuntimeException | Error failed) {
            store.release(request.tenant(), request.key(), fingerprint);
            throw failed;
        }
        if (answer.status() >= 500) {
            store.release(request.tenant(), request.key(), fingerprint);
        } else {
            store.complete(request.tenant(), request.key(), fingerprint, answer, clock.instant().plus(KEPT_FOR));
        }
        return new Outcome.Fresh(answer);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
