package br.bankhistory.history.fake;

import br.bankhistory.history.domain.StoredItem;
import br.bankhistory.history.port.FormerItems;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@link FormerItems} in memory, with the adapter's paging: a page holds the items after a position in file
 * order, and names its last position whenever it is full (as a DynamoDB Query that reached its limit does, even
 * when nothing follows), none when it is not. Items are only seeded ({@link #seed}), never written through the
 * port, as the former layout is only read and removed now. Thread-safe.
 */
public final class FakeFormerItems implements FormerItems {

    private final Map<String, TreeMap<Integer, StoredItem>> records = new HashMap<>();

    /** Items of the former layout, as a record written before items moved to chunks has them. */
    public synchronized void seed(String tenant, List<StoredItem> items) {
        items.forEach(item -> records.computeIfAbsent(key(tenant, item.recordId()), k -> new TreeMap<>())
                .put(item.seq(), item));
    }

    @Override
    public synchronized ItemPage page(String tenant, String recordId, int afterSeq, int limit) {
        List<StoredItem> found = records.getOrDefault(key(tenant, recordId), new TreeMap<>())
                .tailMap(afterSeq, false).values().stream().limit(limit).toList();
        return new ItemPage(found, found.isEmpty() || found.size() < limit
                ? Optional.empty() : Optional.of(found.get(found.size() - 1).seq()));
    }

    @Override
    public synchronized boolean hasItems(String tenant, String recordId) {
        return !records.getOrDefault(key(tenant, recordId), new TreeMap<>()).isEmpty();
    }

    @Override
    public synchronized void deleteAll(String tenant, String recordId) {
        records.remove(key(tenant, recordId));
    }

    private static String key(String tenant, String recordId) {
        return tenant + "\u0000" + recordId;
    }
}
