package br.bankhistory.history.fake;

import br.bankhistory.history.port.TitleIndex;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * {@link TitleIndex} in memory, as the adapter behaves: a writer removes the record's entries when it starts,
 * each bucket added is readable at once, and the record's order of application is known only once the
 * writer is closed (the adapter's manifest); the order counter issues 1, 2, 3... per tenant.
 */
public final class FakeTitleIndex implements TitleIndex {

    private static final Comparator<Entry> PACKED = Comparator.comparing(Entry::key).thenComparingInt(Entry::seq);

    private static final class Indexed {
        final String bankCode;
        final String kind;
        final long order;
        final Map<Integer, List<Entry>> buckets = new HashMap<>();
        boolean closed;

        Indexed(String bankCode, String kind, long order) {
            this.bankCode = bankCode;
            this.kind = kind;
            this.order = order;
        }
    }

    /** By tenant, then record id (in the adapter's order of sort keys). */
    private final Map<String, TreeMap<String, Indexed>> tenants = new HashMap<>();
    private final Map<String, Long> counters = new HashMap<>();

    @Override
    public synchronized Writer writer(String tenant, String recordId, String bankCode, String kind, long order) {
        Indexed indexed = new Indexed(bankCode, kind, order);
        records(tenant).put(recordId, indexed);
        return new Writer() {
            @Override
            public void add(int bucket, List<Entry> entries) {
                List<Entry> sorted = new ArrayList<>(entries);
                sorted.sort(PACKED);
                synchronized (FakeTitleIndex.this) {
                    indexed.buckets.put(bucket, List.copyOf(sorted));
                }
            }

            @Override
            public void close() {
                synchronized (FakeTitleIndex.this) {
                    indexed.closed = true;
                }
            }
        };
    }

    @Override
    public synchronized OptionalLong order(String tenant, String recordId) {
        Indexed indexed = records(tenant).get(recordId);
        return indexed == null || !indexed.closed || indexed.order <= 0 ? OptionalLong.empty()
                : OptionalLong.of(indexed.order);
    }

    @Override
    public synchronized long nextOrder(String tenant) {
        return counters.merge(tenant, 1L, Long::sum);
    }

    @Override
    public synchronized List<Found> bucket(String tenant, int bucket) {
        List<Found> found = new ArrayList<>();
        records(tenant).forEach((recordId, indexed) -> indexed.buckets.getOrDefault(bucket, List.of())
                .forEach(e -> found.add(new Found(recordId, indexed.bankCode, indexed.kind, indexed.order, e))));
        return found;
    }

    @Override
    public synchronized List<Found> find(String tenant, Collection<String> keys) {
        Set<Integer> buckets = new HashSet<>();
        keys.forEach(k -> buckets.add(TitleIndex.bucketOf(k)));
        Set<String> wanted = new HashSet<>(keys);
        List<Found> found = new ArrayList<>();
        for (int b : new TreeSet<>(buckets)) {
            bucket(tenant, b).stream().filter(f -> wanted.contains(f.entry().key())).forEach(found::add);
        }
        return found;
    }

    @Override
    public synchronized void remove(String tenant, String recordId) {
        records(tenant).remove(recordId);
    }

    private TreeMap<String, Indexed> records(String tenant) {
        return tenants.computeIfAbsent(tenant, t -> new TreeMap<>());
    }
}
