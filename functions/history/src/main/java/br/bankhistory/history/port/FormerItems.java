package br.bankhistory.history.port;

import java.util.function.BiConsumer;

/**
 * The items of records written before items moved to chunks (docs/data-model.md, "Items"): read, found and
 * removed while they are moved to chunks; never written.
 */
public interface FormerItems extends ItemReader {

    /** Whether the record still has items of the former layout. */
    boolean hasItems(String tenant, String recordId);

    /**
     * Every record that still has items of the former layout, as tenant and record id, each once and in no
     * particular order. It reads the whole table (a one-off operation: see docs/operations.md).
     */
    void forEachRecord(BiConsumer<String, String> tenantAndRecord);
}
