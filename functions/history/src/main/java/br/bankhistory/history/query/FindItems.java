package br.bankhistory.history.query;

import br.bankhistory.history.domain.IntegrationRecord;
import br.bankhistory.history.domain.InvalidRequestException;
import br.bankhistory.history.domain.OurNumbers;
import br.bankhistory.history.domain.StoredItem;
import br.bankhistory.history.domain.TitleEvents;
import br.bankhistory.history.port.ItemStore;
import br.bankhistory.history.port.RecordStore;
import br.bankhistory.history.port.TitleIndex;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where a title or payment appears across all of a tenant's files (registered, paid, rejected...), newest file
 * first: the title index names the records and positions (by nosso número, or by the company's number for a
 * payment), then each hit is read from its record's chunk. The number is normalised as reconciliation does it
 * ({@link OurNumbers}), so "24000000011136997", "2400000001113699-7" and a nosso número without its check
 * digit find the same title.
 */
public final class FindItems {

    public static final int LIMIT = 100;

    private final RecordStore records;
    private final ItemStore items;
    private final TitleIndex index;

    public FindItems(RecordStore records, ItemStore items, TitleIndex index) {
        this.records = records;
        this.items = items;
        this.index = index;
    }

    public List<Hit> byOurNumber(String tenant, String ourNumber) {
        String key = OurNumbers.key(ourNumber);
        if (key.isEmpty() || key.length() > 40) {
            throw new InvalidRequestException("Informe o nosso número (até 40 letras e dígitos).");
        }
        Set<String> keys = new LinkedHashSet<>(OurNumbers.candidates(ourNumber, ""));
        keys.add(TitleEvents.paymentKey(ourNumber));
        List<TitleIndex.Found> found = new ArrayList<>(index.find(tenant, keys));
        found.sort(Comparator.comparing(TitleIndex.Found::recordId).reversed()
                .thenComparingInt(f -> f.entry().seq()));
        Map<String, Optional<IntegrationRecord>> files = new HashMap<>();
        Map<String, List<StoredItem>> chunks = new HashMap<>();
        List<Hit> hits = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (TitleIndex.Found f : found) {
            if (hits.size() == LIMIT || !seen.add(f.recordId() + "#" + f.entry().seq())) {
                continue;
            }
            Optional<IntegrationRecord> record = files.computeIfAbsent(f.recordId(), id -> records.find(tenant, id));
            if (record.isEmpty()) {
                continue;
            }
            int chunk = ItemStore.chunkOf(f.entry().seq());
            List<StoredItem> page = chunks.computeIfAbsent(f.recordId() + "#" + chunk, k -> items.page(tenant,
                    f.recordId(), chunk * ItemStore.CHUNK, ItemStore.CHUNK).items());
            page.stream().filter(item -> item.seq() == f.entry().seq()).findFirst()
                    .ifPresent(item -> hits.add(new Hit(item, record)));
        }
        return hits;
    }

    public record Hit(StoredItem item, Optional<IntegrationRecord> record) {
    }
}
