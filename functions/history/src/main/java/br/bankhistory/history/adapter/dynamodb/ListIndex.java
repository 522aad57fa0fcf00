package br.bankhistory.history.adapter.dynamodb;

import java.util.List;

/**
 * The global secondary indexes that serve the list's filters. Each is partitioned by the tenant and one
 * filter value and sorted by the record id (receipt time), so a filtered page is one Query, newest first,
 * and a period is a range on the sort key. Records without the value (e.g. no user on an automatic file)
 * are simply absent from that index.
 */
enum ListIndex {
    // In order of preference when several filters are given: the most selective first.
    FILE_NAME("byFileName", "fileNameKey", "F"),
    /** The pair the screen combines most ("Retornos de Cobrança do Itaú"): served exactly, never post-filtered. */
    KIND_BANK("byKindBank", "kindBankKey", "KB"),
    USER("byUser", "userKey", "U"),
    ACCOUNT("byAccount", "accountKey", "A"),
    BANK("byBank", "bankKey", "B"),
    STATUS("byStatus", "statusKey", "S"),
    KIND("byKind", "kindKey", "K"),
    DIRECTION("byDirection", "directionKey", "D"),
    ORIGIN("byOrigin", "originKey", "O");

    /** Every index name, for the schema's shared sort key. */
    static final List<String> NAMES = List.of("byFileName", "byKindBank", "byUser", "byAccount", "byBank", "byStatus", "byKind",
            "byDirection", "byOrigin");

    final String indexName;
    final String keyAttribute;
    final String tag;

    ListIndex(String indexName, String keyAttribute, String tag) {
        this.indexName = indexName;
        this.keyAttribute = keyAttribute;
        this.tag = tag;
    }

    String partition(String tenant, String value) {
        return TableKeys.filterPartition(tenant, tag, value);
    }
}
