package br.bankhistory.history.statement;

import br.bankhistory.cnab.Item;
import br.bankhistory.history.domain.IntegrationRecord;
import br.bankhistory.history.domain.StatusChange;
import br.bankhistory.history.domain.StoredItem;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.io.RandomAccessStreamCache;
import org.apache.pdfbox.pdmodel.PDDocument;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;

/**
 * Renders the statement ("extrato") PDF of a recorded file (docs/architecture.md): the file's company, bank,
 * account, convênio, name, NSA, dates, origin and status; a first page that says what happened (totals by
 * outcome with every amount, credits by date, the story in sentences, the status history, the rejected, not
 * found and repeated items); the findings; one row per title or payment with the columns of its kind;
 * "Página X de Y" on every page. pt-BR, A4 landscape, DejaVu Sans embedded (subset), tagged (structure tree,
 * Lang pt-BR, title in the info and XMP).
 *
 * <p>Streaming: {@code items} is iterated twice, for the first page's totals and then for the rows, and each
 * row is written to the page as it comes; pages' content
 * goes to a scratch buffer that spills to a temporary file above {@value #IN_MEMORY_LIMIT_BYTES} bytes, so a
 * 10,000-title statement holds no copy of the items and little of the document in the heap.
 *
 * <p>Never fails on content: characters the font cannot draw become {@code ?}, texts too long for their column
 * end in "…", missing values print as "—". Stateless and thread-safe; one instance can be shared.
 */
public final class StatementRenderer {

    /**
     * The renderer's version. Part of the cached statement's key: bump it whenever the output changes, so cached
     * statements are rendered again.
     */
    public static final String VERSION = "4";

    /** The media type of what {@link #render} writes. */
    public static final String CONTENT_TYPE = "application/pdf";

    /** Document scratch kept in memory up to this size, then in a temporary file (java.io.tmpdir, /tmp on Lambda). */
    static final long IN_MEMORY_LIMIT_BYTES = 8L * 1024 * 1024;

    private static final RandomAccessStreamCache.StreamCacheCreateFunction STREAM_CACHE =
            MemoryUsageSetting.setupMixed(IN_MEMORY_LIMIT_BYTES).streamCache;

    /**
     * Writes the statement of {@code record} to {@code out} (left open), without status history nor
     * reconciliation (items read straight from a file).
     *
     * @param items the file's titles or payments in file order; iterated twice (totals, then rows); null
     *              elements are skipped
     */
    public void render(IntegrationRecord record, Iterable<Item> items, OutputStream out) throws IOException {
        Objects.requireNonNull(items, "items");
        render(record, List.of(), () -> new Iterator<>() {
            private final Iterator<Item> it = items.iterator();
            private int seq;

            @Override
            public boolean hasNext() {
                return it.hasNext();
            }

            @Override
            public StoredItem next() {
                Item item = it.next();
                seq++;
                return item == null ? null : StoredItem.of(record.id(), record.fileName(), seq, item);
            }
        }, out);
    }

    /**
     * Writes the statement of {@code record} to {@code out} (left open).
     *
     * @param record  the file's record (header fields, totals, bounded findings and their counts)
     * @param history the record's status history, oldest first (who cancelled a remessa, when and why)
     * @param items   the file's titles or payments in file order, with their reconciliation; iterated twice,
     *                each time streamed: once for the first page's totals and exceptions, once for the rows;
     *                null elements are skipped
     * @param out     where the PDF goes; flushed, not closed
     * @throws IOException when {@code out} (or the temporary scratch file) fails
     */
    public void render(IntegrationRecord record, List<StatusChange> history, Iterable<StoredItem> items,
                       OutputStream out) throws IOException {
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(items, "items");
        Objects.requireNonNull(out, "out");
        StatementTally tally = StatementTally.of(items);
        try (PDDocument document = new PDDocument(STREAM_CACHE)) {
            new StatementComposer(document, record, history).compose(tally, items);
            OutputStream buffered = new BufferedOutputStream(new FilterOutputStream(out) {
                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    out.write(b, off, len);
                }

                @Override
                public void close() throws IOException {
                    flush(); // the caller's stream stays open
                }
            }, 64 * 1024);
            document.save(buffered);
            buffered.flush();
        }
    }

    /** A suggested download name for a record's statement: {@code extrato-<file name without extension>.pdf}. */
    public static String fileName(IntegrationRecord record) {
        String name = record.fileName() == null ? "" : record.fileName();
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        name = name.substring(slash + 1);
        int dot = name.lastIndexOf('.');
        if (dot > 0) {
            name = name.substring(0, dot);
        }
        return "extrato-" + (name.isBlank() ? record.id() : name) + ".pdf";
    }
}
