package br.bankhistory.history.adapter.dynamodb;

import br.bankhistory.history.domain.IntegrationRecord;
import br.bankhistory.history.domain.ListFilter;
import br.bankhistory.history.port.RecordStore.RecordPage;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.model.Page;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One page of a filtered list of records: the plan's queries read until the page is full or a read budget is
 * spent, and the cursor (the last record id) positions the next query's start key, on the table or an index.
 */
record RecordPages(DynamoDbTable<RecordItem> records, RecordMapping mapping) {

    /** Items one page may read on a sparse combination of filters before it answers with what it found. */
    private static final int MIN_READ_BUDGET = 500;

    RecordPage list(String tenant, ListFilter filter, Optional<String> afterId, int limit) {
        ListPlan plan = ListPlan.of(tenant, filter);
        int budget = Math.max(MIN_READ_BUDGET, limit * 20);
        int reads = 0;
        List<IntegrationRecord> matches = new ArrayList<>(limit);
        Optional<String> resumeAfter = afterId;
        while (true) {
            Page<RecordItem> page = plan.query(records, tenant, resumeAfter, limit, RecordPages::startKey);
            for (RecordItem item : page.items()) {
                reads++;
                if (plan.accepts(item)) {
                    matches.add(mapping.toRecord(item));
                    if (matches.size() == limit) {
                        return new RecordPage(matches, Optional.of(item.getId()));
                    }
                }
            }
            if (page.lastEvaluatedKey() == null || page.items().isEmpty()) {
                return new RecordPage(matches, Optional.empty());
            }
            resumeAfter = Optional.of(page.items().get(page.items().size() - 1).getId());
            if (reads >= budget) {
                return new RecordPage(matches, resumeAfter);
            }
        }
    }

    /** The exclusive start key of a query positioned on record {@code id} (base table or an index). */
    private static Map<String, AttributeValue> startKey(String tenant, String id, ListIndex index,
                                                        String indexPartition) {
        Map<String, AttributeValue> key = new HashMap<>();
        key.put("PK", AttributeValue.fromS(TableKeys.tenantPartition(tenant)));
        key.put("SK", AttributeValue.fromS(TableKeys.recordSort(id)));
        if (index != null) {
            key.put(index.keyAttribute, AttributeValue.fromS(indexPartition));
            key.put("id", AttributeValue.fromS(id));
        }
        return key;
    }
}
