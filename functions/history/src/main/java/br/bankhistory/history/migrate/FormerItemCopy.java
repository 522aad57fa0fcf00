package br.bankhistory.history.migrate;

import br.bankhistory.history.domain.StoredItem;
import br.bankhistory.history.port.FormerItems;
import br.bankhistory.history.port.ItemReader;
import br.bankhistory.history.port.ItemStore;

/**
 * The former-layout items of one record, read page by page: copied into chunks by the writer the Ingest path
 * uses, or, for a dry run, only counted.
 */
record FormerItemCopy(FormerItems former, ItemStore items) {

    /**
     * The old items, page by page, into chunks. The writer is closed only when every item was added: a failure
     * leaves the first chunk unwritten, and the record reads its old items as before.
     */
    long copy(String tenant, String id) {
        ItemStore.Writer writer = items.writer(tenant, id);
        long count = 0;
        int after = 0;
        while (true) {
            ItemReader.ItemPage page = former.page(tenant, id, after, ItemStore.CHUNK);
            for (StoredItem item : page.items()) {
                writer.add(item); // chunks keep what the file says; links are written by the index step
                count++;
            }
            if (page.lastSeq().isEmpty() || page.items().isEmpty()) {
                break;
            }
            after = page.lastSeq().get();
        }
        writer.close();
        return count;
    }

    long count(String tenant, String id) {
        long count = 0;
        int after = 0;
        while (true) {
            ItemReader.ItemPage page = former.page(tenant, id, after, ItemStore.CHUNK);
            count += page.items().size();
            if (page.lastSeq().isEmpty() || page.items().isEmpty()) {
                return count;
            }
            after = page.lastSeq().get();
        }
    }
}
