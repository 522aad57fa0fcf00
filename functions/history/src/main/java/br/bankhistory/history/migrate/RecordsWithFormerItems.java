package br.bankhistory.history.migrate;

import br.bankhistory.history.domain.IntegrationRecord;
import br.bankhistory.history.domain.ListFilter;
import br.bankhistory.history.port.FormerItems;
import br.bankhistory.history.port.RecordStore;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The named tenants' records that still have items of the former layout, by tenant and in id order (so in order
 * of receipt): a Query of each tenant's records, page by page, and no Scan.
 */
record RecordsWithFormerItems(RecordStore records, FormerItems former) {

    private static final int RECORDS_PAGE = 200;

    /** The named tenants' records with old items: a Query of each tenant's records, one small Query each. */
    Map<String, SortedSet<String>> of(List<String> tenants) {
        Map<String, SortedSet<String>> byTenant = new TreeMap<>();
        for (String tenant : tenants) {
            SortedSet<String> ids = byTenant.computeIfAbsent(tenant, t -> new TreeSet<>());
            Optional<String> after = Optional.empty();
            do {
                RecordStore.RecordPage page = records.list(tenant, ListFilter.NONE, after, RECORDS_PAGE);
                page.records().stream().map(IntegrationRecord::id).filter(id -> former.hasItems(tenant, id))
                        .forEach(ids::add);
                after = page.lastId();
            } while (after.isPresent());
        }
        return byTenant;
    }
}
