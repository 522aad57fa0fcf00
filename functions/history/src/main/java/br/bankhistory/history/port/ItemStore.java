package br.bankhistory.history.port;

import br.bankhistory.history.domain.Reconciliation;
import br.bankhistory.history.domain.StoredItem;

import java.util.List;
import java.util.Optional;

/** The titles and payments of recorded files. Writes are idempotent: an item's key is its file and position. */
public interface ItemStore {

    /** Starts writing the items of one record; items are buffered and written in batches. */
    Writer writer(String tenant);

    /** One record's items in file order, after position {@code afterSeq} (0 for the first page). */
    ItemPage page(String tenant, String recordId, int afterSeq, int limit);

    /** Sets how one item links to another file's item (written again by every reconciliation: idempotent). */
    void reconcile(String tenant, String recordId, int seq, Reconciliation reconciliation);

    /** Removes a record's items at positions 1..{@code count} (before they are written anew). */
    void deleteAll(String tenant, String recordId, long count);

    /** Every item of the tenant whose nosso número matches, newest file first. */
    List<StoredItem> findByOurNumber(String tenant, String ourNumberKey, int limit);

    interface Writer extends AutoCloseable {
        void add(StoredItem item);

        /** Writes what is still buffered. */
        @Override
        void close();
    }

    record ItemPage(List<StoredItem> items, Optional<Integer> lastSeq) {
    }
}
