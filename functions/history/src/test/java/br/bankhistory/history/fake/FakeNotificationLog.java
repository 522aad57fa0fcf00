package br.bankhistory.history.fake;

import br.bankhistory.history.port.NotificationLog;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@link NotificationLog} in memory, with the adapter's conditions: a claim is taken when there is no entry
 * or a pending one whose lease ended strictly before {@code now} (to the millisecond); a release only turns a
 * pending entry into a free one; the marks overwrite whatever is there.
 */
public final class FakeNotificationLog implements NotificationLog {

    private record Stored(Entry entry, long leaseUntilMillis) {
    }

    private final Map<String, Stored> entries = new HashMap<>();

    @Override
    public synchronized boolean claim(String tenant, String recordId, Instant now, Instant leaseUntil) {
        Stored found = entries.get(key(tenant, recordId));
        boolean free = found == null
                || (found.entry().state() == State.PENDING && found.leaseUntilMillis() < now.toEpochMilli());
        if (free) {
            entries.put(key(tenant, recordId), new Stored(new Entry(State.PENDING, null, 0, now),
                    leaseUntil.toEpochMilli()));
        }
        return free;
    }

    @Override
    public synchronized void release(String tenant, String recordId, Instant at) {
        Stored found = entries.get(key(tenant, recordId));
        if (found != null && found.entry().state() == State.PENDING) {
            entries.put(key(tenant, recordId), new Stored(new Entry(State.PENDING, null, 0, at), 0L));
        }
    }

    @Override
    public synchronized void markSent(String tenant, String recordId, String messageId, int recipients, Instant at) {
        entries.put(key(tenant, recordId), new Stored(new Entry(State.SENT, messageId, recipients, at), 0L));
    }

    @Override
    public synchronized void markNoRecipients(String tenant, String recordId, Instant at) {
        entries.put(key(tenant, recordId), new Stored(new Entry(State.NO_RECIPIENTS, null, 0, at), 0L));
    }

    @Override
    public synchronized void markUncertain(String tenant, String recordId, Instant at) {
        entries.put(key(tenant, recordId), new Stored(new Entry(State.UNCERTAIN, null, 0, at), 0L));
    }

    @Override
    public synchronized Optional<Entry> find(String tenant, String recordId) {
        return Optional.ofNullable(entries.get(key(tenant, recordId))).map(Stored::entry);
    }

    private static String key(String tenant, String recordId) {
        return tenant + "\u0000" + recordId;
    }
}
