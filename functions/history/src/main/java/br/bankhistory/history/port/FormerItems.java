package br.bankhistory.history.port;

/**
 * The items of records written before items moved to chunks (docs/data-model.md, "Items"): read, found and
 * removed while they are moved to chunks; never written.
 */
public interface FormerItems extends ItemReader {

    /** Whether the record still has items of the former layout. */
    boolean hasItems(String tenant, String recordId);
}
