package br.bankhistory.history.statement;

import br.bankhistory.cnab.Item;
import br.bankhistory.history.domain.IntegrationRecord;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.io.RandomAccessStreamCache;
import org.apache.pdfbox.pdmodel.PDDocument;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;

/**
 * Renders the statement ("extrato") PDF of a recorded file (docs/architecture.md): the file's company, bank,
 * account, convênio, name, NSA, dates, origin and status; totals by outcome; the findings; one row per title or
 * payment; "Página X de Y" on every page. pt-BR, A4 landscape, DejaVu Sans embedded (subset).
 *
 * <p>Streaming: {@code items} is iterated once and each row is written to the page as it comes; pages' content
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
    public static final String VERSION = "2";

    /** The media type of what {@link #render} writes. */
    public static final String CONTENT_TYPE = "application/pdf";

    /** Document scratch kept in memory up to this size, then in a temporary file (java.io.tmpdir, /tmp on Lambda). */
    static final long IN_MEMORY_LIMIT_BYTES = 8L * 1024 * 1024;

    private static final RandomAccessStreamCache.StreamCacheCreateFunction STREAM_CACHE =
            MemoryUsageSetting.setupMixed(IN_MEMORY_LIMIT_BYTES).streamCache;

    /**
     * Writes the statement of {@code record} to {@code out} (left open).
     *
     * @param record the file's record (header fields, totals, bounded findings and their counts)
     * @param items  the file's titles or payments in file order; iterated once; null elements are skipped
     * @param out    where the PDF goes; flushed, not closed
     * @throws IOException when {@code out} (or the temporary scratch file) fails
     */
    public void render(IntegrationRecord record, Iterable<Item> items, OutputStream out) throws IOException {
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(items, "items");
        Objects.requireNonNull(out, "out");
        try (PDDocument document = new PDDocument(STREAM_CACHE)) {
            new StatementComposer(document, record).compose(items);
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
