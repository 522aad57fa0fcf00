package br.bankhistory.history.statement;

import br.bankhistory.history.domain.IntegrationRecord;
import br.bankhistory.history.domain.StatusChange;
import br.bankhistory.history.domain.StoredItem;
import br.bankhistory.history.port.CreditBook;
import br.bankhistory.history.port.FileStore;
import br.bankhistory.history.port.ItemReader;
import br.bankhistory.history.port.ItemStore;
import br.bankhistory.history.port.RecordStore;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The statement PDF of a record, rendered once and kept in S3 under a key that carries the renderer's
 * version, the record's state (status and the length of its status history) and a digest of its cobrança credit
 * links, so a new renderer, a new link, a
 * cancellation or a reprocessing produce a new statement and old ones are never served stale. Items (the
 * engine's item whole, with its reconciliation) are read page by page from the item store, twice (the first
 * page's totals, then the rows), while the PDF is written to a temporary file: memory does not grow with the
 * file.
 */
public final class PrepareStatement {

    private static final int PAGE = 500;

    private final RecordStore records;
    private final ItemStore items;
    private final FileStore files;
    private final StatementRenderer renderer;
    private final CreditBook credits;

    public PrepareStatement(RecordStore records, ItemStore items, FileStore files, StatementRenderer renderer) {
        this(records, items, files, renderer, CreditBook.none());
    }

    public PrepareStatement(RecordStore records, ItemStore items, FileStore files, StatementRenderer renderer,
                            CreditBook credits) {
        this.records = records;
        this.items = items;
        this.files = files;
        this.renderer = renderer;
        this.credits = credits;
    }

    /** The key of the statement of {@code record} in the state {@code history} leaves it. */
    public static String keyOf(IntegrationRecord record, List<StatusChange> history) {
        return keyOf(record, history, "");
    }

    /** The key, with the digest of the record's cobrança credit links (a new link, a new statement). */
    static String keyOf(IntegrationRecord record, List<StatusChange> history, String creditDigest) {
        String state = record.status() == null ? "" : "-" + record.status().name().toLowerCase(java.util.Locale.ROOT)
                + history.size();
        String links = creditDigest.isEmpty() ? "" : "-c" + creditDigest;
        return "statements/" + record.tenant() + "/" + record.id() + "-v" + StatementRenderer.VERSION + state + links
                + ".pdf";
    }

    /** The statement's key, rendering and storing it first when it is not there yet. */
    public String ensure(IntegrationRecord record) {
        List<StatusChange> history = records.statusHistory(record.tenant(), record.id());
        String key = keyOf(record, history, credits.credits(record.tenant(), record.id()).digest());
        if (files.exists(key)) {
            return key;
        }
        Path pdf = null;
        try {
            pdf = Files.createTempFile("statement-", ".pdf");
            try (OutputStream out = Files.newOutputStream(pdf)) {
                renderer.render(record, history, () -> new ItemPages(record), out);
            }
            files.putFile(key, pdf, StatementRenderer.CONTENT_TYPE);
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("rendering the statement of " + record.id(), e);
        } finally {
            if (pdf != null) {
                pdf.toFile().delete();
            }
        }
    }

    /** The record's items, fetched a page at a time as the renderer asks for them. */
    private final class ItemPages implements Iterator<StoredItem> {

        private final IntegrationRecord record;
        private List<StoredItem> page = List.of();
        private int next;
        private int lastSeq;
        private boolean exhausted;

        ItemPages(IntegrationRecord record) {
            this.record = record;
        }

        @Override
        public boolean hasNext() {
            while (next >= page.size() && !exhausted) {
                ItemReader.ItemPage fetched = items.page(record.tenant(), record.id(), lastSeq, PAGE);
                page = credits.attach(record, fetched.items());
                next = 0;
                if (!page.isEmpty()) {
                    lastSeq = page.get(page.size() - 1).seq();
                }
                exhausted = fetched.lastSeq().isEmpty();
            }
            return next < page.size();
        }

        @Override
        public StoredItem next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return page.get(next++);
        }
    }
}
