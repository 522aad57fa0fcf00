package br.bankhistory.history.command;

import br.bankhistory.cnab.Category;
import br.bankhistory.cnab.Item;
import br.bankhistory.history.domain.IntegrationRecord;
import br.bankhistory.history.domain.StoredItem;
import br.bankhistory.history.port.FileStore;
import br.bankhistory.history.port.ItemReader;
import br.bankhistory.history.port.ItemStore;
import br.bankhistory.history.statement.StatementRenderer;

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
 * version, so a new renderer produces new statements and old ones are never served stale. Items are read
 * page by page from the item store while the PDF is written to a temporary file: memory does not grow
 * with the file.
 */
public final class PrepareStatement {

    private static final int PAGE = 500;

    private final ItemStore items;
    private final FileStore files;
    private final StatementRenderer renderer;

    public PrepareStatement(ItemStore items, FileStore files, StatementRenderer renderer) {
        this.items = items;
        this.files = files;
        this.renderer = renderer;
    }

    public static String keyOf(IntegrationRecord record) {
        return "statements/" + record.tenant() + "/" + record.id() + "-v" + StatementRenderer.VERSION + ".pdf";
    }

    /** The statement's key, rendering and storing it first when it is not there yet. */
    public String ensure(IntegrationRecord record) {
        String key = keyOf(record);
        if (files.exists(key)) {
            return key;
        }
        Path pdf = null;
        try {
            pdf = Files.createTempFile("statement-", ".pdf");
            try (OutputStream out = Files.newOutputStream(pdf)) {
                renderer.render(record, () -> new ItemPages(record), out);
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

    /** The record's items as engine items, fetched a page at a time as the renderer asks for them. */
    private final class ItemPages implements Iterator<Item> {

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
                page = fetched.items();
                next = 0;
                if (!page.isEmpty()) {
                    lastSeq = page.get(page.size() - 1).seq();
                }
                exhausted = fetched.lastSeq().isEmpty();
            }
            return next < page.size();
        }

        @Override
        public Item next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return toItem(page.get(next++));
        }
    }

    static Item toItem(StoredItem i) {
        return new Item(i.line(), i.segment(), i.ourNumber(), i.yourNumber(), i.occurrenceCode(), i.occurrenceText(),
                Category.valueOf(i.category()), i.reasons(), i.dueDate(), i.amountCents(), i.paidCents(),
                i.feeCents(), i.occurrenceDate(), i.creditDate(), i.counterpartName(), i.counterpartDocument());
    }
}
