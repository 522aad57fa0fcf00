package br.bankhistory.history.port;

import java.util.Optional;

/** Remembers the first answer given to an {@code Idempotency-Key}, per tenant, for a day. */
public interface IdempotencyStore {

    Optional<Answer> find(String tenant, String key);

    /**
     * Keeps the answer unless one is already kept for the key.
     *
     * @return the answer now kept for the key: this one, or the one saved first
     */
    Answer saveFirst(String tenant, String key, Answer answer);

    /** @param request what the key was used for (method, route, id), so a key reused elsewhere is noticed */
    record Answer(String request, int status, String body) {
    }
}
