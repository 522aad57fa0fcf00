package br.bankhistory.history.fake;

import br.bankhistory.history.port.IdempotencyStore;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * {@link IdempotencyStore} in memory, with the adapter's conditions and its precision: times are kept in
 * whole seconds, an entry is free when absent, past {@code expiresAt}, or in progress past its own expiry
 * (strictly before {@code now}); completing and releasing act only on this fingerprint's claim in progress.
 */
public final class FakeIdempotencyStore implements IdempotencyStore {

    private record Entry(String fingerprint, boolean complete, long inProgressUntil, long expiresAt, Answer answer) {
    }

    private final Map<String, Entry> entries = new HashMap<>();

    @Override
    public synchronized Claim claim(String tenant, String key, String fingerprint, Instant now,
                                    Instant inProgressUntil, Instant expiresAt) {
        Entry found = entries.get(key(tenant, key));
        long seconds = now.getEpochSecond();
        boolean free = found == null || found.expiresAt() < seconds
                || (!found.complete() && found.inProgressUntil() < seconds);
        if (free) {
            entries.put(key(tenant, key), new Entry(fingerprint, false, inProgressUntil.getEpochSecond(),
                    expiresAt.getEpochSecond(), null));
            return new Claim.Acquired();
        }
        if (!found.fingerprint().equals(fingerprint)) {
            return new Claim.Mismatch();
        }
        return found.complete() ? new Claim.Completed(found.answer())
                : new Claim.InProgress(Instant.ofEpochSecond(found.inProgressUntil()));
    }

    @Override
    public synchronized void complete(String tenant, String key, String fingerprint, Answer answer,
                                      Instant expiresAt) {
        if (heldBy(tenant, key, fingerprint)) {
            entries.put(key(tenant, key), new Entry(fingerprint, true, 0, expiresAt.getEpochSecond(), answer));
        }
    }

    @Override
    public synchronized void release(String tenant, String key, String fingerprint) {
        if (heldBy(tenant, key, fingerprint)) {
            entries.remove(key(tenant, key));
        }
    }

    private boolean heldBy(String tenant, String key, String fingerprint) {
        Entry found = entries.get(key(tenant, key));
        return found != null && !found.complete() && found.fingerprint().equals(fingerprint);
    }

    private static String key(String tenant, String key) {
        return tenant + "\u0000" + key;
    }
}
