package br.bankhistory.history.fake;

import br.bankhistory.history.port.Leases;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * {@link Leases} in memory, with the adapter's conditions: a lease is taken when absent, expired (its end
 * strictly before {@code now}, to the millisecond) or already the owner's; given up only by its owner.
 */
public final class FakeLeases implements Leases {

    private record Lease(String owner, long untilMillis) {
    }

    private final Map<String, Lease> leases = new HashMap<>();

    @Override
    public synchronized boolean acquire(String tenant, String name, String owner, Instant now, Instant until) {
        String key = tenant + "\u0000" + name;
        Lease held = leases.get(key);
        if (held != null && held.untilMillis() >= now.toEpochMilli() && !held.owner().equals(owner)) {
            return false;
        }
        leases.put(key, new Lease(owner, until.toEpochMilli()));
        return true;
    }

    @Override
    public synchronized void release(String tenant, String name, String owner) {
        leases.computeIfPresent(tenant + "\u0000" + name, (key, held) -> held.owner().equals(owner) ? null : held);
    }
}
