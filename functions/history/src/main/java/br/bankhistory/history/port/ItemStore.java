package br.bankhistory.history.port;

import br.bankhistory.history.domain.Reconciliation;
import br.bankhistory.history.domain.StoredItem;

import java.util.Map;
import java.util.function.Consumer;

/**
 * The titles and payments of recorded files, in chunks of {@link #CHUNK} items in file order
 * (docs/data-model.md, "Items"), and the links reconciliations give them. Writes are idempotent: a chunk is
 * named by its record and number, a link document by its chunk (and, on a remessa, by the retorno).
 */
public interface ItemStore extends ItemReader {

    /** Items per chunk: a page of the items route reads one chunk (two when it straddles them). */
    int CHUNK = 1000;

    static int chunkOf(int seq) {
        return (seq - 1) / CHUNK;
    }

    /**
     * Starts writing the items of one record; each full chunk is stored as it fills, the last on close, and the
     * first after every other, so a record whose first chunk exists has all of them.
     */
    Writer writer(String tenant, String recordId);

    /** Whether the record's first chunk is stored (hence, by {@link #writer}, every chunk). */
    boolean hasChunks(String tenant, String recordId);

    /**
     * The items of one chunk as the file gave them, without the links reconciliations added (one read, where
     * {@link #page} also reads the chunk's links and lists its answers): for the work that only needs what the
     * file says, such as applying a retorno, which writes the links itself. Empty when there is no such chunk.
     */
    java.util.List<StoredItem> itemsOfChunk(String tenant, String recordId, int chunk);

    /**
     * The items of one chunk with their links or answers, as {@link #page} gives them, read once each (where a
     * page that ends on a chunk's end also reads the next one). Empty when there is no such chunk.
     */
    java.util.List<StoredItem> linkedItemsOfChunk(String tenant, String recordId, int chunk);

    /**
     * Every item of the record as the file gave them, chunk by chunk ({@link #itemsOfChunk}: one read per chunk,
     * and one more that finds the end), for the work that walks a whole file.
     */
    default void forEachItem(String tenant, String recordId, Consumer<StoredItem> each) {
        walk(chunk -> itemsOfChunk(tenant, recordId, chunk), each);
    }

    /** Every item of the record with its links or answers, chunk by chunk ({@link #linkedItemsOfChunk}). */
    default void forEachLinkedItem(String tenant, String recordId, Consumer<StoredItem> each) {
        walk(chunk -> linkedItemsOfChunk(tenant, recordId, chunk), each);
    }

    private static void walk(java.util.function.IntFunction<java.util.List<StoredItem>> chunks,
                             Consumer<StoredItem> each) {
        for (int chunk = 0; ; chunk++) {
            java.util.List<StoredItem> items = chunks.apply(chunk);
            items.forEach(each);
            if (items.size() < CHUNK) {
                return;
            }
        }
    }

    /**
     * A retorno's links for the titles of one chunk, by position (written whole by each reconciliation). A record
     * has links (a retorno) or answers (a remessa), never both: a chunk read with links has no answers.
     */
    void putLinks(String tenant, String recordId, int chunk, Map<Integer, Reconciliation> bySeq);

    /**
     * The titles of one chunk of a remessa that one retorno answered, by position. Every retorno that answers
     * keeps its own document, so a title's answers are all kept, in order.
     */
    void putAnswers(String tenant, String remessaId, int chunk, String retornoId, Map<Integer, Reconciliation> bySeq);

    /** Removes a retorno's answers from a remessa's chunk (a reprocessed retorno). */
    void removeAnswers(String tenant, String remessaId, int chunk, String retornoId);

    /** Whether any retorno still answers one of the remessa's titles. */
    boolean hasAnswers(String tenant, String remessaId);

    interface Writer extends AutoCloseable {
        void add(StoredItem item);

        /** Stores what is still buffered. */
        @Override
        void close();
    }

}
