package br.bankhistory.history.port;

import br.bankhistory.history.domain.StoredItem;

import java.util.List;
import java.util.Optional;

/** Reading and removing a record's items: what every store of items can do (also a store being retired). */
public interface ItemReader {

    /** One record's items in file order, after position {@code afterSeq} (0 for the first page), with links. */
    ItemPage page(String tenant, String recordId, int afterSeq, int limit);

    /** Removes a record's items and links (a duplicate's, a reprocessing's before it writes them anew). */
    void deleteAll(String tenant, String recordId);

    record ItemPage(List<StoredItem> items, Optional<Integer> lastSeq) {
    }
}
